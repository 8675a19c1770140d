package org.machi.procedures.drafts;

import org.machi.shared.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A resume link is opened by whoever holds it, signed in or not (the link is the authority); everything else needs the owner. */
@Configuration(proxyBeanMethods = false)
class DraftsWebConfiguration {

    @Bean
    PublicPaths resumeLinkPublicPaths() {
        return PublicPaths.of(DraftsController.CONTINUE).withForms(DraftsController.CONTINUE, DraftsController.CONTINUE + "/new-link");
    }
}
