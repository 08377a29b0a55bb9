/**
 * The web UI: server-rendered pages for people. Page handlers translate form fields, call
 * {@link org.stockroom.Store} and return template names; the rules and their messages come from the features.
 */
package org.stockroom.web;
