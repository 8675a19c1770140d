package org.machi.casework.cases;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The casework module's settings ({@code machi.casework.*}), checked at start.
 *
 * @param onePerHousehold the procedures (slugs) of which a household may have one application only, checked
 *                        against the resident register when submitted: the applicant must be found, be the
 *                        household's head or registered proxy, and the household must have no other such
 *                        application that is not rejected or withdrawn; otherwise the case is held for review
 */
@ConfigurationProperties("machi.casework")
@Validated
public record CaseworkProperties(@NotNull @DefaultValue("kyufukin") List<String> onePerHousehold) {
}
