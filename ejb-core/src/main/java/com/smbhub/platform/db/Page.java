package com.smbhub.platform.db;

import java.io.Serializable;
import java.util.List;

/** One page of a list, newest first; {@code nextKey} continues after its last item (null at the end, see {@link NewestFirst}). */
public record Page<T>(List<T> items, String nextKey) implements Serializable {
}
