package io.shelfwise.demo.checkout;

/**
 * Where and how a demo order is delivered, as entered on the checkout page. Immutable; validated on creation.
 */
public final class ShippingDetails {

    private final String firstName;
    private final String lastName;
    private final String addressLine1;
    private final String city;
    private final String postalCode;
    private final String countryCode;
    private final String emailAddress;
    private final long fulfillmentOptionId;

    private ShippingDetails(Builder builder) {
        this.firstName = required(builder.firstName, "first name");
        this.lastName = required(builder.lastName, "last name");
        this.addressLine1 = required(builder.addressLine1, "address");
        this.city = required(builder.city, "town or city");
        this.postalCode = required(builder.postalCode, "postcode");
        this.countryCode = required(builder.countryCode, "country");
        this.emailAddress = required(builder.emailAddress, "e-mail address");
        if (!emailAddress.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("The e-mail address '" + emailAddress + "' is not valid");
        }
        if (builder.fulfillmentOptionId == 0) {
            throw new IllegalArgumentException("Choose a delivery option");
        }
        this.fulfillmentOptionId = builder.fulfillmentOptionId;
    }

    private static String required(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("Enter your " + what);
        }
        if (value.length() > 200) {
            throw new IllegalArgumentException("The " + what + " is too long (at most 200 characters)");
        }
        return value.trim();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String addressLine1() {
        return addressLine1;
    }

    public String city() {
        return city;
    }

    public String postalCode() {
        return postalCode;
    }

    public String countryCode() {
        return countryCode;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public long fulfillmentOptionId() {
        return fulfillmentOptionId;
    }

    /** Collects the fields; {@link #build()} validates them. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String addressLine1;
        private String city;
        private String postalCode;
        private String countryCode;
        private String emailAddress;
        private long fulfillmentOptionId;

        public Builder firstName(String value) {
            this.firstName = value;
            return this;
        }

        public Builder lastName(String value) {
            this.lastName = value;
            return this;
        }

        public Builder addressLine1(String value) {
            this.addressLine1 = value;
            return this;
        }

        public Builder city(String value) {
            this.city = value;
            return this;
        }

        public Builder postalCode(String value) {
            this.postalCode = value;
            return this;
        }

        public Builder countryCode(String value) {
            this.countryCode = value;
            return this;
        }

        public Builder emailAddress(String value) {
            this.emailAddress = value;
            return this;
        }

        public Builder fulfillmentOptionId(long value) {
            this.fulfillmentOptionId = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first field that is missing or invalid */
        public ShippingDetails build() {
            return new ShippingDetails(this);
        }
    }
}
