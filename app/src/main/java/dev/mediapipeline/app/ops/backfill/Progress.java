package dev.mediapipeline.app.ops.backfill;

/** Told how far a backfill is; {@link ProgressBar} draws it. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void total(long objects) {
        }

        @Override
        public void at(long checked, long enqueued) {
        }

        @Override
        public void done() {
        }
    };

    /** How many objects the listing found. */
    void total(long objects);

    void at(long checked, long enqueued);

    void done();
}
