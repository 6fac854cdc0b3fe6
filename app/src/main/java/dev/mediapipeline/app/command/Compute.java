package dev.mediapipeline.app.command;

/** How the workers' core runs: the two engines deploy/cloudformation/media-pipeline.yaml offers. */
enum Compute {
    /** Long-running workers polling the queue and the stream themselves. */
    ecs,
    /** Lambda handlers behind in-process event source mappings. */
    lambda
}
