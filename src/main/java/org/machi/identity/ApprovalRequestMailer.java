package org.machi.identity;

import java.util.Arrays;
import java.util.Locale;
import org.machi.shared.ApprovalRequested;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells staff who may approve that something waits for them: one mail, in Japanese (the staff
 * pages' language), to each holder of the permission with a work address, except the one who asked.
 */
@Component
class ApprovalRequestMailer {

    private final StaffDirectory directory;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;

    ApprovalRequestMailer(StaffDirectory directory, OutgoingMail mail, MessageSource messages, CityProfile city,
                          SharedProperties shared) {
        this.directory = directory;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    @ApplicationModuleListener
    void on(ApprovalRequested request) {
        Arrays.stream(Permission.values()).filter(p -> p.authority().equals(request.authority())).findFirst()
                .ifPresent(permission -> send(request, permission));
    }

    private void send(ApprovalRequested request, Permission permission) {
        Locale locale = SiteLanguage.REFERENCE.locale();
        String cityName = city.name(SiteLanguage.REFERENCE);
        String asker = directory.find(request.requestedBy()).map(StaffView::label).orElse(request.requestedBy());
        directory.mailAddressesHolding(permission).forEach((approver, address) -> {
            if (!approver.reference().equals(request.requestedBy())) {
                mail.send(new OutgoingMail.Mail(address,
                        messages.getMessage("approval.mail.subject", new Object[] {cityName, request.title()}, locale),
                        messages.getMessage("approval.mail.text", new Object[] {approver.displayName(), asker, request.title(),
                                baseUrl + request.path()}, locale)));
            }
        });
    }
}
