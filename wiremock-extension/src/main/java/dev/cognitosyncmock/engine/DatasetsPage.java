package dev.cognitosyncmock.engine;

import java.util.List;

/** What ListDatasets answers: one page, and a token while more remain (SEMANTICS B6). */
public record DatasetsPage(List<DatasetInfo> datasets, String nextToken) {}
