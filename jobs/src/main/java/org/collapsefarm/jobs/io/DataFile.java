package org.collapsefarm.jobs.io;

/**
 * One Parquet file a manifest names ({@link ChunkManifest}, {@link TableManifest}).
 *
 * @param table the table it belongs to
 * @param path its path relative to the table's folder
 * @param bytes its length
 */
public record DataFile(String table, String path, long bytes) {}
