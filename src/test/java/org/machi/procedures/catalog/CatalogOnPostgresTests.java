package org.machi.procedures.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.SiteLanguage;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On PostgreSQL as in production: the migration and the seed run, and a later start leaves the catalog as it is. */
@RequiresPostgres
class CatalogOnPostgresTests extends OnPostgres {

    @Autowired
    Procedures procedures;

    @Autowired
    CatalogSeed seed;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCatalogIsSeededOnceAndSearchable() throws Exception {
        int seeded = procedures.all(SiteLanguage.JA).size();
        assertThat(seeded).isEqualTo(seed.read().procedures().size());
        int texts = jdbc.sql("SELECT COUNT(*) FROM procedures.procedure_text").query(Integer.class).single();
        seed.run(null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM procedures.procedure").query(Integer.class).single()).isEqualTo(seeded);
        // a node that lost the race to fill an empty catalog: its whole transaction is undone, and it carries on
        assertThat(seed.fill(seed.read())).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM procedures.procedure").query(Integer.class).single()).isEqualTo(seeded);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM procedures.procedure_text").query(Integer.class).single()).isEqualTo(texts);
        assertThat(procedures.search("ジュウミンヒョウ", SiteLanguage.JA)).extracting(ProcedureView::slug).contains("juminhyo");
        assertThat(procedures.find("sodai-gomi", SiteLanguage.TL)).hasValueSatisfying(p ->
                assertThat(p.department().phone()).isEqualTo("046-225-2790"));
    }
}
