package org.machi.procedures.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog is read from the database once for a few seconds, not on every look-up. */
@MachiWebTest
class CatalogKeptTests {

    @Autowired
    Catalog catalog;

    @Test
    void lookUpsWithinTheLifetimeShareOneReadAndForgettingReadsAgain() {
        var first = catalog.entries();
        assertThat(first).isNotEmpty();
        assertThat(catalog.entries()).isSameAs(first);
        assertThat(catalog.entry("juminhyo")).isPresent();
        catalog.forget();
        assertThat(catalog.entries()).isNotSameAs(first).isEqualTo(first);
    }
}
