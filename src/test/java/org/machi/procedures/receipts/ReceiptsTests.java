package org.machi.procedures.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Receipt numbers from the embedded database's sequence, and the receipt as the application's beans make it. */
@MachiWebTest
class ReceiptsTests {

    @Autowired
    ReceiptNumbers numbers;

    @Autowired
    ReceiptPdf pdf;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void sequence() {
        ReceiptNumberSequence.ensure(jdbc);
    }

    @Test
    void numbersComeFromTheSequence() {
        ReceiptNumberSequence.numbersAreValidDistinctAndDatedInTheCity(numbers);
    }

    @Test
    void theApplicationsReceiptHasTheCityAndTheTranslatedLabels() throws IOException {
        ReceiptNumber number = numbers.next(Instant.parse("2026-04-01T01:30:00Z"));
        byte[] bytes = pdf.render(new Receipt(number.toString(), "Bulky waste collection", "粗大ごみ収集申込",
                Instant.parse("2026-04-01T01:30:00Z"), SiteLanguage.ES, List.of(new Receipt.Line("Artículo", "Armario")),
                "500 yenes", "Centro de Medio Ambiente 046-225-2790"));
        assertThat(ReceiptPdfTests.text(bytes)).contains("受付控え  Comprobante de recepción", "厚木市", number.toString(),
                "受付番号 / Número de recepción", "Armario", "No es una decisión sobre ella.");
    }
}
