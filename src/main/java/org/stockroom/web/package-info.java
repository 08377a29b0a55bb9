/**
 * The web UI face: server-rendered pages for people. Page handlers translate form fields, call
 * {@link org.stockroom.Store} and return template names; the rules and their messages come from the
 * features, and a refusal's status from {@link org.stockroom.http.Statuses}. Holds no rule and no SQL.
 */
package org.stockroom.web;
