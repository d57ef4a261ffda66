package com.techzone.examples.boot4;

import com.techzone.core.ConstraintViolationException;
import com.techzone.core.Techzone;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /catalog/categories}: TechZone's categories DAO behind the host's REST API. */
// tag::catalog-controller[]
@RestController
class CatalogController {

    private final Techzone techzone;

    CatalogController(Techzone techzone) {
        this.techzone = techzone;
    }

    /** All categories of shop.categories, in name order. */
    @GetMapping("/catalog/categories")
    List<Category> categories() {
        return techzone.categories().listAll();
    }

    /** Creates a category in shop.categories: 201 with the row as stored. */
    @PostMapping("/catalog/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category create(@RequestBody NewCategory category) {
        return techzone.categories().create(category);
    }

    /** A taken slug is the client's conflict, not a server error: 409 naming the constraint. */
    @ExceptionHandler(ConstraintViolationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    Map<String, String> conflict(ConstraintViolationException e) {
        return Map.of("constraint", e.constraint().orElse("unknown"));
    }
}
// end::catalog-controller[]
