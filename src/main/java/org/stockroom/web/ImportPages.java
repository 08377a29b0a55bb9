package org.stockroom.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.stockroom.Store;
import org.stockroom.http.Statuses;
import org.stockroom.imports.ImportFormat;
import org.stockroom.imports.ImportReport;
import org.stockroom.imports.Importer;
import org.stockroom.support.DomainException;
import org.stockroom.support.InvalidRequestException;

/**
 * Importing a catalog file: upload, look at the dry run, import, undo. The file is sent again
 * for the import, so nothing is kept on the server between the two steps.
 */
@Controller
class ImportPages {

    private final Importer importer;

    ImportPages(Store store) {
        this.importer = store.imports();
    }

    @GetMapping("/imports")
    String form(Model model) {
        model.addAttribute("formats", ImportFormat.values());
        return "imports";
    }

    @PostMapping("/imports")
    String upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "auto") String format,
            @RequestParam(defaultValue = "false") boolean skipInvalid,
            @RequestParam(defaultValue = "check") String action,
            Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        model.addAttribute("formats", ImportFormat.values());
        model.addAttribute("format", format);
        boolean dryRun = !action.equals("import");
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("file", "choose a CSV file to import");
            }
            ImportReport report = importer.run(
                    new Importer.Request(file.getBytes(), ImportFormat.parse(format), null, dryRun, skipInvalid));
            model.addAttribute("report", report);
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    "error",
                    String.join(
                            "; ",
                            e.errors().stream()
                                    .map(f -> f.field() + " " + f.message())
                                    .toList()));
        } catch (DomainException e) {
            response.setStatus(Statuses.of(e));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("refused", refusedReport(e.properties()));
        }
        return "imports";
    }

    @PostMapping("/imports/{id}/undo")
    String undo(@PathVariable String id, Model model) {
        model.addAttribute("formats", ImportFormat.values());
        model.addAttribute("report", importer.undo(id));
        model.addAttribute("undone", true);
        return "imports";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> refusedReport(Map<String, Object> properties) {
        return properties.containsKey("invalid")
                ? Map.of("invalid", (List<ImportReport.Problem>) properties.get("invalid"))
                : Map.of();
    }
}
