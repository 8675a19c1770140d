package org.machi.procedures.bundles;

import org.machi.identity.ResidentAccountDeleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A deleted account's bundles (the facts it entered once) go at once; the applications made from them are kept as such. */
@Component
class BundlesOfDeletedAccounts {

    private final JdbcClient jdbc;

    BundlesOfDeletedAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ResidentAccountDeleted deleted) {
        jdbc.sql("DELETE FROM procedures.bundle WHERE owner = :owner").param("owner", deleted.account()).update();
    }
}
