/**
 * The web UI face: server-rendered pages for people, every one of them (the account, sign-in and
 * two-factor pages included). Page handlers translate form fields, call {@link org.stockroom.Store}
 * and return template names; the rules and their messages come from the features, and a refusal's
 * status from {@link org.stockroom.http.Statuses}. Holds no rule and no SQL, and writes no table.
 */
package org.stockroom.web;
