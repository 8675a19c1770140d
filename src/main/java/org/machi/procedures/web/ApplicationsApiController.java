package org.machi.procedures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.machi.identity.Residents;
import org.machi.procedures.ApplicationView;
import org.machi.procedures.applying.Applying;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in resident's own applications as JSON, without their answers. */
@RestController
@Tag(name = "applications", description = "The signed-in resident's applications (drafts and submitted) with status and receipt number")
class ApplicationsApiController {

    private final Applying applying;
    private final Residents residents;

    ApplicationsApiController(Applying applying, Residents residents) {
        this.applying = applying;
        this.residents = residents;
    }

    @GetMapping(path = "/api/v1/procedures/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in resident's applications, newest change first (needs a resident's session)",
            operationId = "myApplications")
    ResponseEntity<List<ApplicationView>> applications() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(applying.mine(residents.signedInAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED))));
    }
}
