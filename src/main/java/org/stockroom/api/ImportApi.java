package org.stockroom.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.stockroom.Store;
import org.stockroom.imports.ImportFormat;
import org.stockroom.imports.ImportReport;
import org.stockroom.imports.Importer;
import org.stockroom.support.InvalidRequestException;

@RestController
@RequestMapping("/api/imports")
class ImportApi {

    private final Importer importer;

    ImportApi(Store store) {
        this.importer = store.imports();
    }

    /** A dry run answers 200 with what would happen; an applied import answers 201. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importFile(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "auto") String format,
            @RequestParam(defaultValue = "false") boolean skipInvalid,
            @RequestParam(required = false) String delimiter) {
        ImportReport report = importer.run(new Importer.Request(
                bytes(file), ImportFormat.parse(format), delimiter(delimiter), dryRun, skipInvalid));
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED)
                .body(report);
    }

    @GetMapping("/{id}")
    ImportReport get(@PathVariable String id) {
        return importer.get(id);
    }

    @PostMapping("/{id}/undo")
    ImportReport undo(@PathVariable String id) {
        return importer.undo(id);
    }

    static Character delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equals(",") || value.equals(";") || value.equals("\t") || value.equalsIgnoreCase("tab")) {
            return value.equalsIgnoreCase("tab") ? '\t' : value.charAt(0);
        }
        throw new InvalidRequestException("delimiter", "must be , or ; or tab");
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
