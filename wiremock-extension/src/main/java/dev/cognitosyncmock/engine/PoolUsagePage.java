package dev.cognitosyncmock.engine;

import java.util.List;

/** One page of ListIdentityPoolUsage; nextToken is null on the last page. */
public record PoolUsagePage(List<PoolUsage> usages, String nextToken) {}
