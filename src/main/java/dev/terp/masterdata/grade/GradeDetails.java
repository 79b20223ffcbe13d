package dev.terp.masterdata.grade;

/**
 * What a client may set on a grade, already validated. A null {@code sortOrder} means 0 on create and "keep the
 * current position" on update, so renaming a grade never silently moves it to the top of the list.
 */
public record GradeDetails(String name, String description, Integer sortOrder) {
}
