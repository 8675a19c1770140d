package org.machi.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Writes the fingerprinted address of a style sheet or script wherever a template links to one
 * ({@code @{/css/machi.css}} becomes {@code /css/machi-<md5>.css}). Only those links are looked up:
 * Spring's own filter asks the resource chain about every link of every page, and each miss (every
 * link to a page) searches the jar again, which cost most of a busy page's time (bench/procedures-submit).
 */
final class AssetLinks extends OncePerRequestFilter {

    private final ObjectProvider<ResourceUrlProvider> provider;

    AssetLinks(ObjectProvider<ResourceUrlProvider> provider) {
        this.provider = provider;
    }

    static boolean fingerprinted(String url) {
        return (url.startsWith("/css/") || url.startsWith("/js/")) && url.indexOf('?') < 0 && url.indexOf('#') < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                if (fingerprinted(url)) {
                    String found = provider.getObject().getForLookupPath(url);
                    if (found != null) {
                        return super.encodeURL(found);
                    }
                }
                return super.encodeURL(url);
            }
        });
    }
}
