package dev.mediapipeline.indexerworker;
