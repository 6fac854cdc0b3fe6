package dev.mediapipeline.common;
