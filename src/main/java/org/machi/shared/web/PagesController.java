package org.machi.shared.web;

import java.util.Comparator;
import java.util.List;
import org.machi.shared.CityProfile;
import org.machi.shared.ServiceLink;
import org.machi.shared.SharedPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page and the shell's own information pages. */
@Controller
class PagesController {

    private final List<ServiceLink> services;
    private final CityProfile city;

    PagesController(ObjectProvider<ServiceLink> services, CityProfile city) {
        this.services = services.stream().sorted(Comparator.comparingInt(ServiceLink::order)).toList();
        this.city = city;
    }

    @SharedPage
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("services", services);
        return "shared/home";
    }

    @SharedPage
    @GetMapping("/districts")
    String districts(Model model) {
        model.addAttribute("districts", city.districts());
        return "shared/districts";
    }

    @SharedPage
    @GetMapping("/accessibility")
    String accessibility() {
        return "shared/accessibility";
    }
}
