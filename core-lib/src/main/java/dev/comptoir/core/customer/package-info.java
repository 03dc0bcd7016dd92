/**
 * Customer accounts of the e-commerce shop: registration with a PBKDF2 password hash
 * ({@link dev.comptoir.core.customer.PasswordHasher}), login, profile and addresses.
 * Entry point: {@link dev.comptoir.core.customer.CustomerService}; ports:
 * {@link dev.comptoir.core.customer.CustomerRepository}, {@link dev.comptoir.core.customer.AddressRepository}.
 */
package dev.comptoir.core.customer;
