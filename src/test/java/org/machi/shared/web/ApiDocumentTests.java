package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document is valid OpenAPI 3, describes every address of the versioned API and documents every problem type. */
@MachiWebTest
class ApiDocumentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentIsValidOpenApiAndDescribesEveryVersionedAddress() throws Exception {
        OpenAPI document = document();
        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(document.getServers()).extracting(server -> server.getUrl()).containsExactly("http://machi.test");

        var described = new TreeSet<String>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> described.add(method.name() + " " + path)));
        var mapped = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/v1/") && !pattern.startsWith(ApiDocument.PATH))
                .forEach(pattern -> info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
                        .forEach(name -> mapped.add(name + " " + pattern))));
        assertThat(mapped).contains("GET /api/v1/alerts", "GET /api/v1/alerts/{id}", "GET /api/v1/notices", "GET /api/v1/notices/{id}",
                "GET /api/v1/procedures", "GET /api/v1/procedures/{slug}");
        assertThat(described).as("every /api/v1 address and nothing else").isEqualTo(mapped);
    }

    @Test
    void everyOperationNamesTheProblemsItMayAnswerWithAndEveryProblemTypeIsDocumented() throws Exception {
        OpenAPI document = document();
        for (ApiProblemType type : ApiProblemType.values()) {
            var response = document.getComponents().getResponses().get(type.slug());
            assertThat(response).as("the pointer of the type URI %s", ApiDocument.typeBase("http://machi.test") + type.slug()).isNotNull();
            assertThat(response.getContent()).containsKey(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getDescription()).contains(ApiDocument.typeBase("http://machi.test") + type.slug());
        }
        assertThat(document.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance");
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Operation operation : path.getValue().readOperations()) {
                assertThat(operation.getResponses()).as(path.getKey()).containsKeys("200", "405", "406", "500");
                assertThat(operation.getResponses().get("200").getContent()).as(path.getKey()).containsOnlyKeys("application/json");
                if (path.getKey().contains("{")) {
                    assertThat(operation.getResponses().get("404").get$ref()).isEqualTo("#/components/responses/not-found");
                }
            }
        }
        assertThat(document.getPaths().get("/api/v1/notices").getGet().getResponses()).containsKey("400");
    }

    private OpenAPI document() throws Exception {
        String json = mvc.perform(get(ApiDocument.PATH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).as("the document is valid OpenAPI").isEmpty();
        return parsed.getOpenAPI();
    }
}
