package dev.mediapipeline.ingestworker;
