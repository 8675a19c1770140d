package org.machi.shared;

/**
 * Start-up work done once for the whole deployment, however many nodes start at the same moment
 * (the first administrator, the demo content). A check such as "no staff account yet" alone does
 * not do: two nodes both see nothing, and both act.
 */
public interface OncePerDeployment {

    /**
     * Runs the work, in one transaction with the record that it was done, unless it was done
     * before. A node that comes while another one is doing it waits for it to end: it then does
     * nothing, or the work itself if the other one failed. Returns whether this call did the work.
     */
    boolean run(String name, Runnable work);
}
