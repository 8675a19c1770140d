package org.machi.procedures.applying;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machi.procedures.Fee;
import org.machi.procedures.forms.FeeRule;
import org.machi.procedures.forms.FormDefinition;

/**
 * The fee an application owes, from the catalog's fee and the form's {@link FeeRule}: the amount
 * and how it is made up (so many times a unit price), recorded on submit and shown before it.
 *
 * @param yen   the total
 * @param parts each unit price with how many times it is due, in the order of the answers
 */
public record FeeDue(long yen, List<Part> parts) {

    public FeeDue {
        parts = List.copyOf(parts);
    }

    public record Part(long unitYen, long count) {
    }

    /** Empty when nothing is due: no fixed catalog fee and no rule that prices the answers, or the answers that decide it are missing. */
    public static Optional<FeeDue> of(Fee catalog, FormDefinition form, Answers answers) {
        FeeRule rule = form.fee();
        Long fixed = catalog != null && catalog.kind() == Fee.Kind.FIXED ? (long) catalog.yen() : null;
        if (rule == null) {
            return Optional.ofNullable(fixed).map(yen -> new FeeDue(yen, List.of(new Part(yen, 1))));
        }
        if (rule instanceof FeeRule.PerCount perCount) {
            Long count = number(answers.get(perCount.count()));
            if (fixed == null || count == null) {
                return Optional.empty();
            }
            return Optional.of(new FeeDue(Math.multiplyExact(fixed, count), List.of(new Part(fixed, count))));
        }
        FeeRule.PerItem perItem = (FeeRule.PerItem) rule;
        List<Part> parts = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < answers.items(perItem.group()); i++) {
            Long count = number(answers.get(Answers.itemKey(perItem.group(), i, perItem.count())));
            Long price = perItem.prices().get(answers.get(Answers.itemKey(perItem.group(), i, perItem.priceBy())));
            if (count == null || price == null) {
                return Optional.empty();
            }
            parts.add(new Part(price, count));
            total = Math.addExact(total, Math.multiplyExact(price, count));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new FeeDue(total, parts));
    }

    private static Long number(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return Long.parseLong(stored);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
