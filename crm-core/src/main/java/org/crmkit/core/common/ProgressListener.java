package org.crmkit.core.common;

/**
 * Hears how far long work (imports, model fits, segment recomputation) has come. Called on the
 * working thread, so keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> {};

    /**
     * Reports progress.
     *
     * @param done units of work finished so far
     * @param total units of work in all, or {@code -1} when not known in advance
     */
    void onProgress(long done, long total);
}
