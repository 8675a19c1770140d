package org.machi.casework.cases;

import java.util.List;

/** One page of a queue: its rows, how many cases match in all, and which page (from 0) this is. */
public record QueuePage(List<CaseSummary> rows, long total, int page) {
}
