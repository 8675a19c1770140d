package org.machi.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.account.StaffRegister;
import org.machi.shared.CityProfile;
import org.machi.shared.PeopleNames;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is who among staff, for other modules: names for account references, their departments, and
 * who holds a permission (who may approve an alert). A staff member without details appears by
 * staff ID. A department is stored as the city profile's code; one stored before departments had
 * codes, as a Japanese name, is read as the profile's department of that name (so nothing needs
 * migrating), and one that matches no department is shown as it was recorded.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory implements PeopleNames {

    private final Accounts accounts;
    private final StaffRegister register;
    private final CityProfile city;

    StaffDirectory(Accounts accounts, StaffRegister register, CityProfile city) {
        this.accounts = accounts;
        this.register = register;
        this.city = city;
    }

    public Optional<StaffView> find(String reference) {
        return accountId(reference).flatMap(accounts::findById).filter(Account::isStaff)
                .map(account -> view(account, register.find(account.id()).orElse(null)));
    }

    /**
     * The department's code; for a department recorded before departments had codes that matches
     * none of the profile's, the text as recorded, so that what belonged to it still does.
     */
    @Override
    public Optional<String> departmentOf(String reference) {
        return find(reference).map(view -> view.department() != null ? view.department() : view.departmentName());
    }

    /** Active staff members holding the permission, by name. */
    public List<StaffView> holding(Permission permission) {
        Map<UUID, StaffDetails> details = register.all();
        return accounts.staff().stream()
                .filter(Account::active)
                .filter(account -> account.roles().stream().anyMatch(role -> role.permissions().contains(permission)))
                .map(account -> view(account, details.get(account.id())))
                .sorted(Comparator.comparing(StaffView::displayName))
                .toList();
    }

    @Override
    public Map<String, String> holding(String authority) {
        Map<String, String> names = new LinkedHashMap<>();
        Arrays.stream(Permission.values()).filter(p -> p.authority().equals(authority)).findFirst()
                .ifPresent(permission -> holding(permission).forEach(view -> names.put(view.reference(), view.label())));
        return names;
    }

    /** Active staff holding the permission who gave a work mail address, with it; for this module's own mail only. */
    Map<StaffView, String> mailAddressesHolding(Permission permission) {
        Map<UUID, StaffDetails> details = register.all();
        Map<StaffView, String> addresses = new LinkedHashMap<>();
        holding(permission).forEach(view -> accountId(view.reference()).map(details::get).filter(d -> d.email() != null)
                .ifPresent(d -> addresses.put(view, d.email())));
        return addresses;
    }

    @Override
    public Map<String, String> namesOf(Collection<String> references) {
        if (references.stream().noneMatch(reference -> accountId(reference).isPresent())) {
            return Map.of();
        }
        Map<UUID, StaffDetails> details = register.all();
        Map<String, Account> staff = accounts.staff().stream().collect(Collectors.toMap(Account::reference, Function.identity()));
        return references.stream().distinct().filter(staff::containsKey)
                .collect(Collectors.toMap(Function.identity(), reference -> {
                    Account account = staff.get(reference);
                    return view(account, details.get(account.id())).label();
                }));
    }

    private StaffView view(Account account, StaffDetails details) {
        if (details == null) {
            return new StaffView(account.reference(), account.login(), null, null);
        }
        String recorded = details.department();
        return city.departmentRecordedAs(recorded)
                .map(department -> new StaffView(account.reference(), details.displayName(), department.code(),
                        department.name(SiteLanguage.REFERENCE)))
                .orElseGet(() -> new StaffView(account.reference(), details.displayName(), null,
                        recorded == null || recorded.isBlank() ? null : recorded));
    }

    private static Optional<UUID> accountId(String reference) {
        if (reference == null || !reference.startsWith("account:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference.substring("account:".length())));
        } catch (IllegalArgumentException notAReference) {
            return Optional.empty();
        }
    }
}
