package org.machi.shared;

/** Reads this deployment's record, for what must stay the same across restarts and nodes. */
public interface CurrentInstallation {

    Installation current();
}
