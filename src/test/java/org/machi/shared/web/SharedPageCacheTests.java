package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The page cache on its own: what it keeps, when it makes a page again, and how many make it at once. */
class SharedPageCacheTests {

    private final SharedPageCache cache = new SharedPageCache(new DisplayPreferences(), Duration.ofMinutes(1), 1 << 20);
    private final AtomicInteger made = new AtomicInteger();

    @Test
    void aPageMadeWhileSomethingWasPublishedIsHandedOutButNotKept() throws Exception {
        FilterChain publishingMeanwhile = (request, response) -> {
            page(request, response, "before");
            cache.changed(); // a publication commits while this page is being made
        };
        assertThat(get(publishingMeanwhile)).isEqualTo("before");

        assertThat(get(this::page)).as("made again: the kept one could predate the publication").isEqualTo("page 2");
        assertThat(get(this::page)).as("now kept").isEqualTo("page 2");
    }

    @Test
    void readersArrivingWhileAKeptPageIsMadeAgainWaitForItInsteadOfMakingItToo() throws Exception {
        assertThat(get(this::page)).isEqualTo("page 1");
        cache.changed();

        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            slowStarted.countDown();
            await(release);
            page(request, response, null);
        };
        List<String> bodies = new ArrayList<>();
        Thread first = new Thread(() -> bodies.add(getQuietly(slow)));
        first.start();
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread other = new Thread(() -> {
                String body = getQuietly(this::page);
                synchronized (bodies) {
                    bodies.add(body);
                }
            });
            others.add(other);
            other.start();
        }
        // every other reader is waiting for the page the first one makes
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> others.stream().allMatch(other -> other.getState() == Thread.State.TIMED_WAITING));
        release.countDown();
        first.join();
        for (Thread other : others) {
            other.join();
        }
        assertThat(made).as("one made it; five waited").hasValue(2);
        assertThat(bodies).hasSize(6).containsOnly("page 2");
    }

    private void page(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) throws java.io.IOException {
        page(request, response, null);
    }

    private void page(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response, String text)
            throws java.io.IOException {
        int number = made.incrementAndGet();
        request.setAttribute(SharedPageCache.MARK, Boolean.TRUE);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write((text != null ? text : "page " + number).getBytes(StandardCharsets.UTF_8));
    }

    private String get(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/alerts");
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, chain);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String getQuietly(FilterChain chain) {
        try {
            return get(chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
