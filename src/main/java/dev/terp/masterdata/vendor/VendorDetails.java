package dev.terp.masterdata.vendor;

/** What a client may set on a vendor, already validated. */
public record VendorDetails(String name, String contactName, String contactEmail, String contactPhone, String notes) {
}
