/* itinerant's map layers, built from GeoJSON.
 *
 * Every string that came from an article (places, actions, evidence, names) reaches the page
 * as a text node or an attribute value set through the DOM, never as markup: popups and
 * tooltips are elements built here, so hostile text shows as text.
 */
(function (root) {
  "use strict";

  var PLANNED_COLOUR = "#c2410c";
  var UNDATED_COLOUR = "#64748b";
  var STATUSES = {occurred: "occurred", planned: "planned", speculative: "speculative"};
  var PRECISION_WORDS = {country: "country level", admin1: "region level", admin2: "district level",
                         city: "city", site: "site"};
  // An area with no outline at hand is a shaded circle of about its size (metres).
  var AREA_RADIUS = {country: 600000, admin1: 150000, admin2: 40000};
  var REPLAY_STEP_MS = 1500;

  function statusOf(value) {
    return STATUSES[value] || "other";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    return node;
  }

  function articleLink(template, articleId) {
    if (!template || typeof articleId !== "number") return null;
    var link = el("a", "itinerant-article-link", "Read the article");
    link.href = template.replace("{id}", encodeURIComponent(String(articleId)));
    link.target = "_top"; // from an embed, the article opens in the whole window
    link.rel = "noopener";
    return link;
  }

  function facts(p) {
    var line = el("p", "itinerant-facts");
    line.appendChild(el("span", "itinerant-date", p.date || "date unknown"));
    var action = p.action_label || p.action;
    if (action) {
      line.appendChild(document.createTextNode(" · "));
      var shown = el("span", "itinerant-action", action);
      if (p.action && p.action !== action) shown.title = p.action;  // the verb itself, as the evidence says it
      line.appendChild(shown);
    }
    line.appendChild(document.createTextNode(" · "));
    line.appendChild(el("span", "itinerant-status itinerant-" + statusOf(p.status), p.status));
    return line;
  }

  /* Where the stop is known to (city, country level...) and how far to trust it. */
  function trust(p) {
    var line = el("p", "itinerant-trust");
    var precision = p.place_precision;
    if (precision) {
      var words = PRECISION_WORDS[precision] || precision;
      line.appendChild(el("span", "itinerant-precision", "Precision: " + words));
    }
    if (typeof p.confidence === "number") {
      if (line.childNodes.length) line.appendChild(document.createTextNode(" · "));
      var cue = p.confidence_cue || "";
      line.appendChild(el("span", "itinerant-confidence itinerant-confidence-" + cue,
                          "Confidence: " + cue + " (" + p.confidence.toFixed(2) + ")"));
    }
    return line.childNodes.length ? line : null;
  }

  /* An event's details, fetched once from the service (options.eventUrl, "{id}" replaced). */
  var eventDetails = {};

  function fetchEvent(template, id) {
    if (!eventDetails[id]) {
      var url = template.replace("{id}", encodeURIComponent(String(id)));
      eventDetails[id] = fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) throw new Error("event request failed: " + response.status);
          return response.json();
        });
      eventDetails[id].catch(function () { delete eventDetails[id]; });  // a later popup tries again
    }
    return eventDetails[id];
  }

  /* The evidence: in the stop's data, or (a large itinerary's page leaves it out) fetched by the
     stop's event when the popup opens. */
  function evidence(p, options) {
    if (p.evidence) return el("blockquote", "itinerant-evidence", p.evidence);
    if (!options.eventUrl || typeof p.event_id !== "number") return null;
    var quote = el("blockquote", "itinerant-evidence itinerant-evidence-loading", "Loading the evidence\u2026");
    quote.setAttribute("aria-busy", "true");
    fetchEvent(options.eventUrl, p.event_id).then(function (event) {
      quote.textContent = event.evidence || "";
      quote.classList.remove("itinerant-evidence-loading");
      quote.removeAttribute("aria-busy");
    }, function (error) {
      console.warn(error);
      quote.textContent = "The evidence could not be loaded; the article has it.";
      quote.removeAttribute("aria-busy");
    });
    return quote;
  }

  function placePopup(p, options, heading) {
    var box = el("div", "itinerant-popup");
    box.appendChild(el("h3", null, heading));
    if (options.showActor && p.actor) box.appendChild(el("p", "itinerant-actor", p.actor));
    if (p.tripLabel) box.appendChild(el("p", "itinerant-trip", p.tripLabel));
    box.appendChild(facts(p));
    var cues = trust(p);
    if (cues) box.appendChild(cues);
    var quote = evidence(p, options);
    if (quote) box.appendChild(quote);
    var link = articleLink(options.articleUrl, p.article_id);
    if (link) box.appendChild(link);
    return box;
  }

  function legPopup(p, from, to) {
    var box = el("div", "itinerant-popup");
    box.appendChild(el("h3", null, "Leg " + p.number + ": " + from + " \u2192 " + to));
    var km = typeof p.distance_km === "number" ? Math.round(p.distance_km).toLocaleString("en") + " km" : "";
    box.appendChild(el("p", "itinerant-facts", km + " · " + p.status));
    return box;
  }

  function textTooltip(text) {
    return function () { return el("span", null, text); };
  }

  function isUndated(p) {
    return p.trip === null || p.trip === undefined;
  }

  function stopIcon(p, colour, shift) {
    // An undated stop has no place in the order: no number.
    var badge = el("div", "itinerant-stop-badge", isUndated(p) ? "" : String(p.number));
    if (statusOf(p.status) === "occurred") {
      badge.style.background = colour;
    } else {
      badge.style.color = PLANNED_COLOUR;
      badge.style.borderColor = PLANNED_COLOUR;
    }
    return L.divIcon({
      html: badge,
      className: "itinerant-stop itinerant-" + statusOf(p.status) + (isUndated(p) ? " itinerant-undated" : ""),
      iconSize: [26, 26],
      // Stops at one place (a return, a planned visit) sit side by side rather than hide each other.
      iconAnchor: [13 - 22 * shift, 13],
      popupAnchor: [0, -12],
      tooltipAnchor: [12, 0],
    });
  }

  function legStyle(p, colour) {
    // The classes name the leg's trip, so that a page (or a test) can tell trips apart.
    var className = "itinerant-leg itinerant-trip-" + p.trip;
    if (statusOf(p.status) === "occurred") return {color: colour, weight: 3, opacity: 0.85, className: className};
    return {color: PLANNED_COLOUR, weight: 3, opacity: 0.9, dashArray: "8 7", className: className};
  }

  function addArrows(layer, p, colour) {
    // Arrowheads along the line, pointing the way the leg was travelled (leaflet-textpath).
    if (typeof layer.setText !== "function") return;
    var fill = statusOf(p.status) === "occurred" ? colour : PLANNED_COLOUR;
    layer.setText("\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u25BA\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0", {
      repeat: true,
      offset: 5,
      attributes: {fill: fill, "font-size": "15", "class": "itinerant-arrow"},
    });
  }

  /* "in Russia, 12 Sep 2023": what an area stop's label says. */
  function areaLabel(p) {
    return "in " + p.place + (p.when ? ", " + p.when : "");
  }

  /* "3. Komsomolsk-on-Amur": a stop's name, numbered when it has a place in the order. */
  function stopTitle(p) {
    if (p.shown_as === "area") return areaLabel(p);
    return (isUndated(p) ? "" : p.number + ". ") + p.place;
  }

  /* An area stop: the country's outline when the page has it, else a shaded circle; a label on it. */
  function areaLayer(feature, latlng, outline, colour) {
    var p = feature.properties;
    var planned = statusOf(p.status) !== "occurred";
    var stroke = planned ? PLANNED_COLOUR : colour;
    var style = {color: stroke, weight: 1.5, dashArray: "4 4", fillColor: stroke, fillOpacity: 0.12,
                 className: "itinerant-area-shape"};
    var shape = outline
      ? L.geoJSON(outline, {style: function () { return style; }})
      : L.circle(latlng, Object.assign({radius: AREA_RADIUS[p.place_precision] || AREA_RADIUS.admin1}, style));
    var label = el("div", "itinerant-area-label-text", areaLabel(p));
    label.style.borderColor = stroke;
    var marker = L.marker(latlng, {
      icon: L.divIcon({html: label, className: "itinerant-area-label itinerant-" + statusOf(p.status),
                       iconSize: null, iconAnchor: [0, 12]}),
      title: areaLabel(p),
      alt: areaLabel(p),
      riseOnHover: true,
    });
    return {shape: shape, marker: marker};
  }

  /* Google's encoded polyline (five decimals), [x, y] pairs: longitude first, as GeoJSON. */
  function decodePolyline(text) {
    var values = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var byte = text.charCodeAt(i) - 63;
      value |= (byte & 0x1f) << shift;
      shift += 5;
      if (byte < 0x20) {
        values.push(value & 1 ? ~(value >> 1) : value >> 1);
        value = 0;
        shift = 0;
      }
    }
    var points = [], x = 0, y = 0;
    for (var j = 0; j + 1 < values.length; j += 2) {
      x += values[j];
      y += values[j + 1];
      points.push([x / 1e5, y / 1e5]);
    }
    return points;
  }

  /* A page's packed itinerary (geo.maps.features.page_collection) as the GeoJSON it stands for. */
  function expandCollection(packed) {
    if (packed.features) return packed;
    var features = [];
    function record(kind, fields, row, offset) {
      var p = {kind: kind};
      fields.forEach(function (field, i) { p[field] = row[offset + i]; });
      return p;
    }
    packed.stops.forEach(function (row) {
      features.push({type: "Feature", geometry: {type: "Point", coordinates: [row[0], row[1]]},
                     properties: record("stop", packed.stopFields, row, 2)});
    });
    packed.legs.forEach(function (row) {
      var parts = row[row.length - 1].map(decodePolyline);
      var geometry = parts.length === 1 ? {type: "LineString", coordinates: parts[0]}
                                        : {type: "MultiLineString", coordinates: parts};
      features.push({type: "Feature", geometry: geometry, properties: record("leg", packed.legFields, row, 0)});
    });
    return {type: "FeatureCollection", actor: packed.actor, trips: packed.trips, areas: packed.areas,
            features: features};
  }

  /* One actor's itinerary: areas under legs under numbered stop markers, with popups and arrows. */
  function itineraryLayer(packed, options) {
    var collection = expandCollection(packed);
    var colour = options.colour || "#1d4ed8";
    var tripColours = options.tripColours || {};
    function colourOf(p) {
      if (isUndated(p)) return UNDATED_COLOUR;
      return tripColours[String(p.trip)] || colour;
    }
    var tripLabels = {};
    (collection.trips || []).forEach(function (trip) { tripLabels[trip.number] = trip.label; });
    var areas = collection.areas || {};
    var group = L.featureGroup();
    var features = collection.features || [];
    var placeOf = {};
    features.forEach(function (feature) {
      if (feature.properties.kind === "stop") placeOf[feature.properties.number] = feature.properties.place;
    });
    var legs = L.geoJSON(null, {
      style: function (feature) { return legStyle(feature.properties, colourOf(feature.properties)); },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var from = placeOf[p.from], to = placeOf[p.to];
        layer.bindPopup(function () { return legPopup(p, from, to); });
        layer.bindTooltip(textTooltip(from + " \u2192 " + to), {sticky: true});
        addArrows(layer, p, colourOf(p));
      },
    });
    var shapes = L.featureGroup();
    var seen = {};
    var stopLayers = {};  // stop number -> its marker, for the replay
    var stops = L.geoJSON(null, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        if (p.shown_as === "area") {
          var outline = p.place_precision === "country" && p.country ? areas[p.country] : null;
          var area = areaLayer(feature, latlng, outline, colourOf(p));
          shapes.addLayer(area.shape);
          return area.marker;
        }
        var key = latlng.lat.toFixed(4) + "," + latlng.lng.toFixed(4);
        var shift = seen[key] || 0;
        seen[key] = shift + 1;
        return L.marker(latlng, {
          icon: stopIcon(p, colourOf(p), shift),
          title: stopTitle(p),
          alt: stopTitle(p),
          riseOnHover: true,
          zIndexOffset: p.number,
        });
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var shown = Object.assign({tripLabel: isUndated(p) ? "Date unknown: in no trip" : tripLabels[p.trip]}, p);
        if (options.showActor) shown.actor = collection.actor;
        var heading = p.shown_as === "area" ? p.place : stopTitle(p);
        layer.bindPopup(function () { return placePopup(shown, options, heading); }, {maxWidth: 320});
        if (p.shown_as !== "area") {
          layer.bindTooltip(textTooltip(stopTitle(p) + (p.date ? " (" + p.date + ")" : "")));
        }
        stopLayers[p.number] = layer;
      },
    });
    features.forEach(function (feature) {
      (feature.properties.kind === "leg" ? legs : stops).addData(feature);
    });
    group.addLayer(shapes);
    group.addLayer(legs);
    group.addLayer(stops);
    // For the replay: the data, the colours and each stop's marker.
    group.itinerant = {collection: collection, colour: colour, colourOf: colourOf, stopLayers: stopLayers,
                       title: stopTitle};
    return group;
  }

  /* Events, clustered: inline data, or GeoJSON pages fetched from a URL, following `next`. */
  function eventLayer(source, options) {
    var cluster = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false});
    function add(collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          var p = feature.properties;
          return L.marker(latlng, {
            icon: L.divIcon({className: "itinerant-event itinerant-" + statusOf(p.status), iconSize: [12, 12]}),
            title: p.actor + ": " + p.place,
          });
        },
        onEachFeature: function (feature, layer) {
          var p = feature.properties;
          layer.bindPopup(function () { return placePopup(p, {showActor: true, articleUrl: options.articleUrl}, p.place); },
                          {maxWidth: 320});
        },
      });
      cluster.addLayers(layer.getLayers());
      if (cluster._map && options.fitBounds && cluster.getBounds().isValid()) {
        cluster._map.fitBounds(cluster.getBounds(), {padding: [20, 20], maxZoom: 8});
      }
    }
    function load(url) {
      fetch(url, {headers: {Accept: "application/geo+json"}, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) throw new Error("events request failed: " + response.status);
          return response.json();
        })
        .then(function (collection) {
          add(collection);
          if (collection.next) load(collection.next);
        })
        .catch(function (error) { console.warn(error); });
    }
    if (source.data) {
      add(source.data);
    } else {
      cluster.once("add", function () { load(source.url); });
    }
    return cluster;
  }

  /* A legend control: swatches for stops, legs and each actor, under a toggle button. It opens
     collapsed on a map narrower than LEGEND_OPEN_WIDTH (an embed, a phone), where it would hide
     stops; the reader opens it when wanted. */
  var LEGEND_OPEN_WIDTH = 800;
  var legendCount = 0;

  function legend(map, entries) {
    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var box = el("div", "itinerant-legend leaflet-bar");
      var toggle = el("button", "itinerant-legend-toggle", "Legend");
      toggle.type = "button";
      var list = el("ul");
      list.id = "itinerant-legend-" + (++legendCount);
      toggle.setAttribute("aria-controls", list.id);
      function setOpen(open) {
        list.hidden = !open;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        toggle.setAttribute("aria-label", open ? "Hide the legend" : "Show the legend");
        box.classList.toggle("itinerant-legend-collapsed", !open);
      }
      toggle.addEventListener("click", function () { setOpen(list.hidden); });
      entries.forEach(function (entry) {
        var item = el("li", "itinerant-legend-" + entry.kind);
        var swatch = el("span", "itinerant-swatch itinerant-swatch-" + entry.kind);
        swatch.setAttribute("aria-hidden", "true");
        if (entry.kind === "stop") {
          swatch.textContent = "1";
          swatch.style.background = entry.colour;
        } else if (entry.kind === "undated") {
          swatch.className += " itinerant-swatch-stop";
          swatch.style.background = UNDATED_COLOUR;
        } else if (entry.kind === "area") {
          swatch.textContent = "in";
        } else if (entry.kind === "planned-stop") {
          swatch.textContent = "2";
          swatch.style.color = PLANNED_COLOUR;
          swatch.style.borderColor = PLANNED_COLOUR;
        } else {
          swatch.style.borderTopColor = entry.kind === "planned" ? PLANNED_COLOUR : entry.colour;
        }
        item.appendChild(swatch);
        item.appendChild(el("span", null, entry.label));
        list.appendChild(item);
      });
      box.appendChild(toggle);
      box.appendChild(list);
      setOpen(map.getSize().x >= LEGEND_OPEN_WIDTH);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  }

  /* A control that shows the page's embed code and copies it. */
  function embedControl(map, code) {
    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var box = el("div", "itinerant-embed leaflet-bar");
      var toggle = el("button", "itinerant-embed-toggle", "Embed");
      toggle.type = "button";
      toggle.title = "Copy the code that embeds this map in another page";
      toggle.setAttribute("aria-label", "Embed this map: show the code to copy");
      toggle.setAttribute("aria-expanded", "false");
      var panel = el("div", "itinerant-embed-panel");
      panel.hidden = true;
      var field = el("textarea", "itinerant-embed-code");
      field.readOnly = true;
      field.rows = 4;
      field.value = code;
      field.setAttribute("aria-label", "Embed code");
      var copy = el("button", "itinerant-embed-copy", "Copy embed code");
      copy.type = "button";
      var done = el("span", "itinerant-embed-status");
      done.setAttribute("role", "status");
      copy.addEventListener("click", function () {
        field.select();
        var copied = navigator.clipboard && window.isSecureContext
          ? navigator.clipboard.writeText(code)
          : Promise.resolve(document.execCommand && document.execCommand("copy"));
        copied.then(function () { done.textContent = "Copied"; },
                    function () { done.textContent = "Select the code and copy it"; });
      });
      toggle.addEventListener("click", function () {
        panel.hidden = !panel.hidden;
        toggle.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
      });
      panel.appendChild(field);
      panel.appendChild(copy);
      panel.appendChild(done);
      box.appendChild(toggle);
      box.appendChild(panel);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  }

  /* Replay, stop by stop: steps are [layer index, stop number] pairs, the stops that happened in
     travel order. Each step shows the stop's name and date, marks where the actor is, and draws the
     legs travelled so far over the itinerary; planned legs are never drawn as travelled. */
  function replay(map, groups, steps) {
    var index = 0, timer = null;
    var travelled = L.featureGroup().addTo(map);
    var position = L.circleMarker([0, 0], {radius: 17, weight: 3, fillOpacity: 0.15, interactive: false,
                                           className: "itinerant-replay-position"});
    function stopOf(step) {
      var data = groups[step[0]].itinerant;
      var found = null;
      data.collection.features.forEach(function (f) {
        if (f.properties.kind === "stop" && f.properties.number === step[1]) found = f;
      });
      return found;
    }
    var control = L.control({position: "bottomleft"});
    var label, counter, playButton, buttons = {};
    function button(name, text, title, action) {
      var b = el("button", "itinerant-replay-" + name, text);
      b.type = "button";
      b.title = title;
      b.setAttribute("aria-label", title);
      b.addEventListener("click", action);
      buttons[name] = b;
      return b;
    }
    control.onAdd = function () {
      var box = el("div", "itinerant-replay leaflet-bar");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Replay the journey stop by stop");
      box.appendChild(button("first", "\u258F\u25C0", "First stop", function () { stop(); show(0); }));
      box.appendChild(button("previous", "\u25C0", "Previous stop", function () { stop(); show(index - 1); }));
      playButton = button("play", "\u25B6 Play", "Play the journey", function () { timer ? stop() : play(); });
      box.appendChild(playButton);
      box.appendChild(button("next", "\u25B6\u258F", "Next stop", function () { stop(); show(index + 1); }));
      counter = el("span", "itinerant-replay-counter");
      label = el("output", "itinerant-replay-label");
      label.setAttribute("aria-live", "polite");
      box.appendChild(counter);
      box.appendChild(label);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    function show(next) {
      index = Math.max(0, Math.min(steps.length - 1, next));
      var reached = {};  // layer index -> the last stop number reached
      for (var i = 0; i <= index; i++) reached[steps[i][0]] = steps[i][1];
      travelled.clearLayers();
      groups.forEach(function (group, g) {
        var data = group.itinerant;
        data.collection.features.forEach(function (f) {
          var p = f.properties;
          if (p.kind !== "leg" || statusOf(p.status) !== "occurred" || !(p.to <= (reached[g] || 0))) return;
          travelled.addLayer(L.geoJSON(f, {interactive: false, style: {
            color: data.colourOf(p), weight: 8, opacity: 0.35, interactive: false,
            className: "itinerant-replay-leg"}}));
        });
      });
      var step = steps[index], data = groups[step[0]].itinerant, feature = stopOf(step), p = feature.properties;
      var actor = groups.length > 1 ? data.collection.actor + ": " : "";
      label.textContent = actor + data.title(p) + (p.shown_as === "area" ? "" : (p.when ? ", " + p.when : ""));
      counter.textContent = (index + 1) + "/" + steps.length;
      label.dataset.stop = String(p.number);
      if (p.shown_as === "area") {
        position.remove();  // somewhere in the area: no point to mark
      } else {
        var colour = data.colourOf(p);
        position.setLatLng([feature.geometry.coordinates[1], feature.geometry.coordinates[0]]);
        position.setStyle({color: colour, fillColor: colour});
        position.addTo(map);
      }
      groups.forEach(function (group, g) {
        var layers = group.itinerant.stopLayers;
        Object.keys(layers).forEach(function (n) {
          var node = layers[n].getElement && layers[n].getElement();
          if (node) node.classList.toggle("itinerant-replay-current", g === step[0] && Number(n) === p.number);
        });
      });
      buttons.previous.disabled = buttons.first.disabled = index === 0;
      buttons.next.disabled = index === steps.length - 1;
      if (index === steps.length - 1) stop();
    }
    function play() {
      if (index === steps.length - 1) show(0);
      playButton.textContent = "\u23F8 Pause";
      playButton.title = "Pause";
      timer = window.setInterval(function () { show(index + 1); }, REPLAY_STEP_MS);
    }
    function stop() {
      if (timer) window.clearInterval(timer);
      timer = null;
      if (playButton) {
        playButton.textContent = "\u25B6 Play";
        playButton.title = "Play the journey";
      }
    }
    control.addTo(map);
    show(0);
    return {control: control, show: show, steps: steps, current: function () { return index; }};
  }

  /* The offline basemap: country outlines and name labels, in panes under the itinerary.
     `options.outlines` and `options.labels` are {url: ...} (fetched, cacheable) or {data: ...}. */
  var BASEMAP_STYLE = {color: "#8a9aa8", weight: 0.7, fillColor: "#fbfaf6", fillOpacity: 1};

  function basemapPane(map, name, zIndex) {
    if (!map.getPane(name)) {
      var pane = map.createPane(name);
      pane.style.zIndex = zIndex;  // above tiles (200), below legs (400) and stops (600)
      pane.style.pointerEvents = "none";
    }
    return name;
  }

  function loadJSON(source) {
    if (source.data) return Promise.resolve(source.data);
    return fetch(source.url, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) throw new Error("basemap request failed: " + response.status);
      return response.json();
    });
  }

  function labelIcon(entry) {
    var text = el("span", null, entry.name);
    return L.divIcon({html: text, className: "itinerant-label itinerant-label-" + entry.kind, iconSize: null});
  }

  /* Labels as markers, only those the zoom level allows within (a margin around) the view:
     rows of [name, lat, lon, minzoom] for countries, [name, lat, lon, minzoom, capital] for cities. */
  function labelLayer(map, labels) {
    var entries = [];
    (labels.countries || []).forEach(function (row) {
      entries.push({name: row[0], latlng: L.latLng(row[1], row[2]), zoom: row[3], kind: "country"});
    });
    (labels.cities || []).forEach(function (row) {
      entries.push({name: row[0], latlng: L.latLng(row[1], row[2]), zoom: row[3], kind: row[4] ? "capital" : "city"});
    });
    var group = L.layerGroup([], {attribution: labels.attribution || null});
    var shown = {};
    var pane = basemapPane(map, "itinerant-labels", 350);
    function update() {
      if (!map.hasLayer(group)) return;
      var zoom = map.getZoom(), view = map.getBounds().pad(0.25);
      entries.forEach(function (entry, index) {
        var wanted = zoom >= entry.zoom && view.contains(entry.latlng);
        if (wanted && !shown[index]) {
          shown[index] = L.marker(entry.latlng, {icon: labelIcon(entry), interactive: false, keyboard: false, pane: pane});
          group.addLayer(shown[index]);
        } else if (!wanted && shown[index]) {
          group.removeLayer(shown[index]);
          delete shown[index];
        }
      });
    }
    map.on("zoomend moveend", update);
    group.on("add", update);
    return group;
  }

  function offlineBasemap(map, options) {
    map.getContainer().classList.add("itinerant-offline");
    var outlines = L.geoJSON(null, {
      interactive: false,
      pane: basemapPane(map, "itinerant-basemap", 250),
      style: BASEMAP_STYLE,
      attribution: options.attribution || null,
    }).addTo(map);
    loadJSON(options.outlines).then(function (data) { outlines.addData(data); })
      .catch(function (error) { console.warn(error); });
    if (options.labels) {
      loadJSON(options.labels).then(function (labels) { labelLayer(map, labels).addTo(map); })
        .catch(function (error) { console.warn(error); });
    }
    return outlines;
  }

  /* Tiles that cannot load give way to the offline basemap: when every tile of the first view
     failed (no tile server reachable), or when TILE_FAILURES failed in a row since (it went away). */
  var TILE_FAILURES = 6;

  function tileFallback(map, tiles, options) {
    var loaded = 0, failedInRow = 0, fallen = false;
    function fallBack() {
      if (fallen) return;
      fallen = true;
      map.removeLayer(tiles);  // and with it the tiles' attribution
      offlineBasemap(map, options);
    }
    tiles.on("tileload", function () { loaded += 1; failedInRow = 0; });
    tiles.on("tileerror", function () {
      failedInRow += 1;
      if (failedInRow >= TILE_FAILURES) fallBack();
    });
    tiles.on("load", function () { if (loaded === 0 && failedInRow > 0) fallBack(); });
  }

  /* Open the map on `bounds` inside the space its controls leave. Each corner's controls are
     kept clear of by padding on one side: the corner's width on its left or right, or its height
     on its top or bottom, whichever takes the smaller share of the map (the zoom buttons are
     narrow and tall, the replay bar wide and short). FIT_MARGIN leaves room for half a marker. */
  var FIT_MARGIN = 18;
  var CORNERS = [["top", "left"], ["top", "right"], ["bottom", "left"], ["bottom", "right"]];

  function controlPadding(map) {
    var box = map.getContainer().getBoundingClientRect();
    var size = map.getSize();
    var pad = {top: 0, bottom: 0, left: 0, right: 0};
    CORNERS.forEach(function (corner) {
      var node = map.getContainer().querySelector(".leaflet-" + corner[0] + ".leaflet-" + corner[1]);
      if (!node) return;
      var width = 0, height = 0;
      Array.prototype.forEach.call(node.children, function (control) {
        var r = control.getBoundingClientRect();
        if (!r.width || !r.height) return;
        width = Math.max(width, corner[1] === "left" ? r.right - box.left : box.right - r.left);
        height = Math.max(height, corner[0] === "top" ? r.bottom - box.top : box.bottom - r.top);
      });
      if (!width || !height) return;
      if (width / size.x <= height / size.y) {
        pad[corner[1]] = Math.max(pad[corner[1]], width);
      } else {
        pad[corner[0]] = Math.max(pad[corner[0]], height);
      }
    });
    return pad;
  }

  /* Controls change size after the map opens (credits added when the basemap's labels load, a
     wrapped attribution, the scale at the new zoom): until the reader moves the map, fit again
     when a corner changes size or the map does, a few times at most (no endless back and forth). */
  var MAX_REFITS = 8;

  function fitView(map, bounds, options) {
    var touched = false, refits = 0, pending = false;
    function fit() {
      var pad = controlPadding(map);
      map.fitBounds(bounds, {
        paddingTopLeft: [pad.left + FIT_MARGIN, pad.top + FIT_MARGIN],
        paddingBottomRight: [pad.right + FIT_MARGIN, pad.bottom + FIT_MARGIN],
        maxZoom: options.maxZoom,
        animate: false,
      });
    }
    function refit() {
      if (touched || pending || refits >= MAX_REFITS) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        refits += 1;
        if (!touched) fit();
      });
    }
    fit();
    ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
      map.getContainer().addEventListener(name, function () { touched = true; }, {passive: true, once: true});
    });
    map.on("resize", refit);
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(refit);
      CORNERS.forEach(function (corner) {
        var node = map.getContainer().querySelector(".leaflet-" + corner[0] + ".leaflet-" + corner[1]);
        if (node) observer.observe(node);
      });
    }
  }

  /* Leaflet's layer control opens from a link with a title alone: give it a name screen readers say. */
  var initLayersLayout = L.Control.Layers.prototype._initLayout;
  L.Control.Layers.include({
    _initLayout: function () {
      initLayersLayout.call(this);
      if (this._layersLink) this._layersLink.setAttribute("aria-label", "Layers: choose what the map shows");
    },
  });

  /* Escape closes an open popup, wherever the focus is (Leaflet's own key handling needs the
     map itself focused, and a click on a marker does not focus it). */
  var maps = [];
  L.Map.addInitHook(function () { maps.push(this); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    maps.forEach(function (map) { map.closePopup(); });
  });

  root.itinerant = {
    fitView: fitView,
    expandCollection: expandCollection,
    itineraryLayer: itineraryLayer,
    eventLayer: eventLayer,
    legend: legend,
    embedControl: embedControl,
    replay: replay,
    offlineBasemap: offlineBasemap,
    tileFallback: tileFallback,
    PLANNED_COLOUR: PLANNED_COLOUR,
  };
})(window);
