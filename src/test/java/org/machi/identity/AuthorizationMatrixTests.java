package org.machi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.testing.ErrorTriggers;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every mapped endpoint, for anonymous visitors, residents and every staff role (with and without
 * the second factor), against the access this table expects. An endpoint missing from the table
 * fails the test, so nothing new ships without a decision about who may use it.
 */
@MachiWebTest
class AuthorizationMatrixTests {

    /** Who may use an endpoint. */
    enum Access { PUBLIC, SIGNED_IN, RESIDENT, STAFF_CHANGING_PASSWORD, STAFF_BEFORE_SECOND_FACTOR, BACK_OFFICE }

    private static final Map<String, Access> EXPECTED = new LinkedHashMap<>();
    /** Back-office endpoints that also need a permission (any one of those listed). */
    private static final Map<String, Set<Permission>> PERMISSION = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /", Access.PUBLIC);
        EXPECTED.put("GET /districts", Access.PUBLIC);
        EXPECTED.put("GET /accessibility", Access.PUBLIC);
        EXPECTED.put("GET /error", Access.PUBLIC);
        EXPECTED.put("GET /sign-in", Access.PUBLIC);
        EXPECTED.put("GET /staff/sign-in", Access.PUBLIC);
        EXPECTED.put("GET /test-errors/forbidden", Access.PUBLIC);
        EXPECTED.put("GET /test-errors/broken", Access.PUBLIC);
        EXPECTED.put("GET /test-errors/bad-request", Access.PUBLIC);
        EXPECTED.put("GET /api/test-errors/broken", Access.PUBLIC);
        EXPECTED.put("GET /sign-in/link", Access.PUBLIC);
        EXPECTED.put("GET /sign-in/link/sent", Access.PUBLIC);
        for (String endpoint : new String[] {"GET /sign-in/forgot", "POST /sign-in/forgot", "GET /sign-in/forgot/sent",
                "GET /sign-in/reset", "POST /sign-in/reset"}) {
            EXPECTED.put(endpoint, Access.PUBLIC);
        }
        EXPECTED.put("GET /sign-up", Access.PUBLIC);
        EXPECTED.put("POST /sign-up", Access.PUBLIC);
        EXPECTED.put("GET /sign-up/sent", Access.PUBLIC);
        EXPECTED.put("GET /sign-up/confirm", Access.PUBLIC);
        EXPECTED.put("POST /sign-up/confirm", Access.PUBLIC);
        EXPECTED.put("POST /sign-out/everywhere", Access.SIGNED_IN);
        EXPECTED.put("GET /account", Access.RESIDENT);
        EXPECTED.put("GET /account/profile", Access.RESIDENT);
        EXPECTED.put("POST /account/passkeys/{id}/delete", Access.RESIDENT);
        EXPECTED.put("POST /account/profile", Access.RESIDENT);
        EXPECTED.put("GET /account/export", Access.RESIDENT);
        EXPECTED.put("GET /account/delete", Access.RESIDENT);
        EXPECTED.put("POST /account/delete", Access.RESIDENT);
        for (String endpoint : new String[] {"GET /account/password", "POST /account/password", "GET /account/email",
                "POST /account/email", "GET /account/email/confirm", "POST /account/email/confirm"}) {
            EXPECTED.put(endpoint, Access.RESIDENT);
        }
        EXPECTED.put("GET /staff/password", Access.STAFF_CHANGING_PASSWORD);
        EXPECTED.put("POST /staff/password", Access.STAFF_CHANGING_PASSWORD);
        EXPECTED.put("GET /staff/second-factor", Access.STAFF_BEFORE_SECOND_FACTOR);
        EXPECTED.put("POST /staff/second-factor", Access.STAFF_BEFORE_SECOND_FACTOR);
        EXPECTED.put("GET /staff/second-factor/enrol", Access.STAFF_BEFORE_SECOND_FACTOR);
        EXPECTED.put("POST /staff/second-factor/enrol", Access.STAFF_BEFORE_SECOND_FACTOR);
        EXPECTED.put("GET /staff", Access.BACK_OFFICE);
        for (String endpoint : new String[] {"GET /staff/people", "GET /staff/people/new", "POST /staff/people/new",
                "GET /staff/people/{id}", "POST /staff/people/{id}/roles", "POST /staff/people/{id}/reset", "POST /staff/people/{id}/details"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.MANAGE_STAFF));
        }
        EXPECTED.put("POST /staff/people/{id}/unlock", Access.BACK_OFFICE);
        PERMISSION.put("POST /staff/people/{id}/unlock", Set.of(Permission.MANAGE_STAFF));
        EXPECTED.put("GET /staff/audit", Access.BACK_OFFICE);
        PERMISSION.put("GET /staff/audit", Set.of(Permission.READ_AUDIT_TRAIL));
        EXPECTED.put("GET /staff/audit/export", Access.BACK_OFFICE);
        PERMISSION.put("GET /staff/audit/export", Set.of(Permission.READ_AUDIT_TRAIL));
        for (String endpoint : new String[] {"GET /alerts", "GET /alerts/{id}", "GET /alerts/{id}/cap.xml", "GET /alerts/feed.atom",
                "GET /api/alerts", "GET /api/alerts/{id}", "GET /alerts/subscribe", "POST /alerts/subscribe",
                "GET /alerts/subscribe/confirm", "POST /alerts/subscribe/confirm", "GET /alerts/unsubscribe/{token}",
                "POST /alerts/unsubscribe/{token}", "POST /alerts/push", "POST /alerts/push/end", "GET /notices", "GET /notices/{id}",
                "GET /notices/feed.atom", "GET /notices/categories/{category}/feed.atom", "GET /api/notices", "GET /api/notices/{id}",
                "GET /api/v1/alerts", "GET /api/v1/alerts/{id}", "GET /api/v1/notices", "GET /api/v1/notices/{id}",
                "GET /api/v1/openapi.json", "GET /api/v1/openapi.json.yaml",
                "GET /procedures", "GET /procedures/{slug}", "GET /api/v1/procedures", "GET /api/v1/procedures/{slug}",
                "GET /procedures/life-events", "GET /procedures/life-events/{event}", "GET /procedures/life-events/{event}/plan",
                // a resume link is its own authority: the page, using it, and a new one in place of a used or expired one
                "GET /procedures/drafts/continue", "POST /procedures/drafts/continue", "POST /procedures/drafts/continue/new-link"}) {
            EXPECTED.put(endpoint, Access.PUBLIC);
        }
        for (String endpoint : new String[] {"GET /procedures/{slug}/apply", "POST /procedures/{slug}/apply",
                "GET /procedures/{slug}/apply/{id}/{stepId}", "POST /procedures/{slug}/apply/{id}/{stepId}",
                "GET /procedures/{slug}/apply/{id}/check-answers", "POST /procedures/{slug}/apply/{id}/check-answers",
                "GET /my/procedures", "GET /my/procedures/{id}", "POST /my/procedures/{id}/delete", "GET /my/procedures/{id}/withdraw",
                "POST /my/procedures/{id}/withdraw", "GET /my/procedures/{id}/receipt.pdf", "GET /my/procedures/{id}/files/{fileId}",
                "GET /api/v1/procedures/applications",
                "POST /procedures/{slug}/apply/{id}/resume-link", "GET /procedures/{slug}/apply/{id}/resume-link/sent",
                "GET /my/bundles/start/{event}", "POST /my/bundles/start/{event}", "GET /my/bundles/{id}", "GET /my/bundles/{id}/facts",
                "POST /my/bundles/{id}/facts"}) {
            EXPECTED.put(endpoint, Access.RESIDENT);
        }
        for (String endpoint : new String[] {"GET /staff/notices", "GET /staff/notices/new", "POST /staff/notices/new",
                "GET /staff/notices/{id}", "GET /staff/notices/{id}/progress", "POST /staff/notices/{id}/withdraw"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.PUBLISH_INFORMATION));
        }
        for (String endpoint : new String[] {"GET /staff/alerts", "GET /staff/alerts/{id}", "GET /staff/alerts/{id}/progress"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.DRAFT_ALERTS, Permission.APPROVE_ALERTS));
        }
        for (String endpoint : new String[] {"GET /staff/alerts/new", "POST /staff/alerts/new", "GET /staff/alerts/{id}/edit",
                "POST /staff/alerts/{id}/edit", "GET /staff/alerts/{id}/update", "POST /staff/alerts/{id}/update",
                "GET /staff/alerts/{id}/cancel", "POST /staff/alerts/{id}/cancel", "POST /staff/alerts/{id}/submit",
                "POST /staff/alerts/{id}/discard", "POST /staff/alerts/{id}/publish-pre-approved"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.DRAFT_ALERTS));
        }
        for (String endpoint : new String[] {"GET /staff/procedures", "GET /staff/procedures/{slug}", "GET /staff/procedures/{slug}/version",
                "POST /staff/procedures/{slug}/draft", "GET /staff/procedures/{slug}/draft", "POST /staff/procedures/{slug}/draft/save",
                "GET /staff/procedures/{slug}/draft/publish", "POST /staff/procedures/{slug}/draft/publish",
                "POST /staff/procedures/{slug}/draft/discard"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.MANAGE_PROCEDURES));
        }
        for (String endpoint : new String[] {"POST /staff/alerts/{id}/approve", "POST /staff/alerts/{id}/send-back"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.APPROVE_ALERTS));
        }
        // issue 13, case pages (H5): the department's queue and cases for case workers (which department is the
        // pages' own check, CasePagesTests), the applicant's reply page for residents
        for (String endpoint : new String[] {"GET /staff/cases", "GET /staff/cases/{id}", "POST /staff/cases/{id}/actions/{action}",
                "GET /staff/cases/{id}/application", "GET /staff/cases/{id}/application/files/{fileId}",
                "GET /staff/cases/{id}/replies/{fileId}", "GET /staff/cases/{id}/notice.pdf"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.PROCESS_CASES));
        }
        for (String endpoint : new String[] {"GET /my/cases/{id}/reply", "POST /my/cases/{id}/reply"}) {
            EXPECTED.put(endpoint, Access.RESIDENT);
        }
        // casework measures (issue 13, H6): department staff see their own department's procedures, plan readers all
        for (String endpoint : new String[] {"GET /staff/casework/measures", "GET /staff/casework/measures.csv"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.PROCESS_CASES, Permission.VIEW_PLAN));
        }
        // issue 13, procedures-api (H2): the clerk fills a counter draft on the step pages
        for (String endpoint : new String[] {"GET /counter/applications/{id}", "GET /counter/applications/{id}/{stepId}",
                "POST /counter/applications/{id}/{stepId}", "GET /counter/applications/{id}/check-answers"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.SERVE_AT_COUNTER));
        }
        // issue 13, register (H3): importing extracts of the resident register
        for (String endpoint : new String[] {"GET /staff/casework/register", "POST /staff/casework/register"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.IMPORT_REGISTER));
        }
        // issue 13, counter (H7): looking residents up, counter sessions, the summary PDF
        for (String endpoint : new String[] {"GET /counter", "POST /counter/look-up", "POST /counter/sessions",
                "GET /counter/sessions/{id}", "POST /counter/sessions/{id}/procedures", "POST /counter/sessions/{id}/submit",
                "POST /counter/sessions/{id}/close", "GET /counter/sessions/{id}/summary.pdf"}) {
            EXPECTED.put(endpoint, Access.BACK_OFFICE);
            PERMISSION.put(endpoint, Set.of(Permission.SERVE_AT_COUNTER));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A subject and what it holds. */
    record Subject(String name, Authentication authentication, Set<Access> holds, Set<Permission> permissions) {

        Subject(String name, Authentication authentication, Set<Access> holds) {
            this(name, authentication, holds, Set.of());
        }
    }

    @Test
    void everyEndpointHasAnExpectation() {
        assertThat(new TreeSet<>(EXPECTED.keySet())).containsAll(endpoints());
    }

    @Test
    void everySubjectGetsExactlyTheExpectedAccess() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Subject subject : subjects()) {
            for (String endpoint : endpoints()) {
                Access needed = EXPECTED.get(endpoint);
                if (needed == null) {
                    continue; // reported by everyEndpointHasAnExpectation
                }
                Set<Permission> anyOf = PERMISSION.get(endpoint);
                boolean expected = needed == Access.PUBLIC
                        || (subject.holds().contains(needed) && (anyOf == null || !Collections.disjoint(anyOf, subject.permissions())));
                boolean actual = allowed(endpoint, subject);
                if (expected != actual) {
                    wrong.add("%s %s: expected %s but was %s".formatted(subject.name(), endpoint,
                            expected ? "allowed" : "denied", actual ? "allowed" : "denied"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Autowired
    org.machi.casework.cases.CaseWork caseWork;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.machi.identity.account.StaffAccounts staffAccounts;

    /**
     * Department scoping, the row of the matrix that permissions alone cannot hold: a case of 環境センター opens
     * for its own clerks only. A clerk of another department, and one without a department, are refused on every
     * case endpoint (403) and change nothing.
     */
    @Test
    void aCaseOpensOnlyForTheClerksOfItsDepartment() throws Exception {
        java.util.UUID caseId = new org.machi.casework.cases.TestCases(caseWork, jdbc, clock)
                .open("2026-000777-0", "sodai-gomi", "kankyo-center", accounts.resident().id(), null);
        Authentication own = clerkOf("kankyo-center");
        Authentication other = clerkOf("shimin");
        Authentication none = clerkOf(null);
        String[] reads = {"/staff/cases/" + caseId, "/staff/cases/" + caseId + "/application",
                "/staff/cases/" + caseId + "/notice.pdf"};
        for (String path : reads) {
            for (Authentication refused : List.of(other, none)) {
                assertThat(mvc.perform(MockMvcRequestBuilders.get(path).with(authentication(refused)).accept("text/html"))
                        .andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
            }
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/staff/cases/" + caseId).with(authentication(own)).accept("text/html"))
                .andReturn().getResponse().getStatus()).as("the department's own clerk").isEqualTo(200);
        long transitions = jdbc.sql("SELECT COUNT(*) FROM casework.case_transition WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single();
        for (Authentication refused : List.of(other, none)) {
            assertThat(mvc.perform(MockMvcRequestBuilders.post("/staff/cases/" + caseId + "/actions/start-review").with(csrf())
                    .with(authentication(refused)).accept("text/html")).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM casework.case_transition WHERE case_id = :id").param("id", caseId)
                .query(Long.class).single()).as("nothing changed").isEqualTo(transitions);
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/staff/cases/" + caseId + "/actions/start-review").with(csrf())
                .with(authentication(own)).accept("text/html")).andReturn().getResponse().getStatus()).isLessThan(400);
        assertThat(jdbc.sql("SELECT state FROM casework.case_file WHERE id = :id").param("id", caseId).query(String.class).single())
                .isEqualTo("IN_REVIEW");
    }

    private Authentication clerkOf(String department) {
        Account clerk = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        staffAccounts.changeDetails(clerk.id(), new org.machi.identity.account.StaffDetails("係員 " + department, department, null), "system");
        return MachiUserTestSupport.signedIn(clerk, true);
    }

    /** The staff member whose page the {id} endpoints show. */
    private Account example;

    private List<Subject> subjects() {
        example = accounts.staff(StaffRole.DEPARTMENT_STAFF);
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("anonymous", null, Set.of()));
        Account resident = accounts.resident();
        subjects.add(new Subject("resident", MachiUserTestSupport.signedIn(resident, false), EnumSet.of(Access.SIGNED_IN, Access.RESIDENT)));
        Account newcomer = accounts.staffWhoMustChangePassword(StaffRole.COUNTER_STAFF);
        subjects.add(new Subject("staff changing password", MachiUserTestSupport.signedIn(newcomer, false),
                EnumSet.of(Access.SIGNED_IN, Access.STAFF_CHANGING_PASSWORD)));
        for (StaffRole role : StaffRole.values()) {
            Account staff = accounts.staff(role);
            // a password alone does not change the password: the second factor comes first
            subjects.add(new Subject(role + " before second factor", MachiUserTestSupport.signedIn(staff, false),
                    EnumSet.of(Access.SIGNED_IN, Access.STAFF_BEFORE_SECOND_FACTOR)));
            subjects.add(new Subject(role + " with second factor", MachiUserTestSupport.signedIn(staff, true),
                    EnumSet.of(Access.SIGNED_IN, Access.STAFF_CHANGING_PASSWORD, Access.STAFF_BEFORE_SECOND_FACTOR, Access.BACK_OFFICE),
                    role.permissions()));
        }
        return subjects;
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + pattern);
                } else {
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        });
        return endpoints;
    }

    private boolean allowed(String endpoint, Subject subject) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{id}", example.id().toString()).replace("{token}", "not-a-token")
                .replace("{category}", "GARBAGE").replace("{slug}", "sodai-gomi").replace("{stepId}", "business")
                .replace("{event}", "moving").replace("{fileId}", java.util.UUID.randomUUID().toString())
                .replace("{action}", "note");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path)
                .with(csrf()).accept("text/html");
        if (subject.authentication() != null) {
            request.with(authentication(subject.authentication()));
        }
        org.springframework.mock.web.MockHttpServletResponse response;
        try {
            response = mvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException reachedTheHandler) {
            return true; // the handler ran (and failed on purpose): access was granted
        }
        int status = response.getStatus();
        String location = response.getRedirectedUrl() == null ? "" : response.getRedirectedUrl();
        boolean sentAway = location.endsWith("/sign-in") || location.endsWith("/staff/sign-in")
                || location.endsWith("/staff/password") || location.endsWith("/staff/second-factor");
        if (response.getHeader(ErrorTriggers.REACHED) != null) {
            return true; // a test page that answers 403 on purpose, after access was granted
        }
        // The requests carry no valid input, so no handler itself redirects to these addresses.
        return status != 401 && status != 403 && !sentAway;
    }
}
