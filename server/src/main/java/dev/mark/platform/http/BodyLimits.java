package dev.mark.platform.http;

/**
 * How large a request body may be, after decompression.
 *
 * @param bytes for ordinary operations
 * @param bulkBytes for bulk uploads ({@code x-mark-bulk: true} in the contract)
 */
public record BodyLimits(long bytes, long bulkBytes) {}
