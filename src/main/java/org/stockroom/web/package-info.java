/**
 * The web UI: server-rendered pages for people, every one of them (the account, sign-in and
 * two-factor pages included). Page handlers translate form fields, call {@link org.stockroom.Store}
 * or a feature's entry point, and return template names; the rules and their messages come from
 * the features. Writes no table.
 */
package org.stockroom.web;
