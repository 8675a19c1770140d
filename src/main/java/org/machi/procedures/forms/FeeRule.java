package org.machi.procedures.forms;

import java.util.Map;

/**
 * How a form's answers decide the fee due (the {@code "fee"} of a form definition); without one the
 * catalog's fixed fee is due as it stands.
 *
 * <ul>
 *   <li>{@link PerCount}: the catalog's amount times a NUMBER answer (copies of a certificate);</li>
 *   <li>{@link PerItem}: over the items of a GROUP, each item's NUMBER child times the price of the
 *   option its CHOICE child has (bulky waste: 500 yen a standard item, 1,000 yen a large one).</li>
 * </ul>
 */
public sealed interface FeeRule permits FeeRule.PerCount, FeeRule.PerItem {

    /** @param count the id of a top-level NUMBER field */
    record PerCount(String count) implements FeeRule {
    }

    /**
     * @param group   the id of a GROUP field
     * @param count   the id of a NUMBER child of the group
     * @param priceBy the id of a CHOICE child of the group
     * @param prices  yen for every option of {@code priceBy}
     */
    record PerItem(String group, String count, String priceBy, Map<String, Long> prices) implements FeeRule {

        public PerItem {
            prices = prices == null ? Map.of() : Map.copyOf(prices);
        }
    }
}
