package dev.mediapipeline.localaws;
