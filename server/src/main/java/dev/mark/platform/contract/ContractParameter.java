package dev.mark.platform.contract;

/**
 * A parameter of an operation as the contract declares it.
 *
 * @param name its name, e.g. {@code limit}
 * @param in where it travels: {@code path}, {@code query} or {@code header}
 * @param required whether the request must carry it
 * @param type the schema's JSON type ({@code string}, {@code integer}, {@code number},
 *     {@code boolean}), which decides how the raw text is read
 * @param schemaPointer a JSON pointer to its schema inside the contract document
 */
public record ContractParameter(
    String name, String in, boolean required, String type, String schemaPointer) {}
