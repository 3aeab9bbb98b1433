package io.guichet.kb;

/** A section of a document: the unit that is indexed, ranked and quoted as a snippet. */
record Passage(int document, String heading, String text) {
}
