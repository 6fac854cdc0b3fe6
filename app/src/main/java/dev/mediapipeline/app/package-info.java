package dev.mediapipeline.app;
