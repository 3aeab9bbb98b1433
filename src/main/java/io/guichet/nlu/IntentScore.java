package io.guichet.nlu;

public record IntentScore(String name, double confidence) {
}
