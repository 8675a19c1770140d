package org.machi.procedures.drafts;

import java.util.UUID;

/** A resume link was made and is to be mailed to the draft's owner; the event names the link only, never its token or an address. */
public record ResumeLinkIssued(UUID linkId) {
}
