package org.machi.shared;

/**
 * The answers kept for anonymous readers ({@link SharedPage}). Each is kept for at most a second,
 * so that what another node publishes shows within that second; a module that publishes something
 * public on this node says so after its commit, and every kept answer is dropped at once.
 */
public interface SharedPages {

    /** Something public changed (an alert, a notice): make every shared page afresh. */
    void changed();
}
