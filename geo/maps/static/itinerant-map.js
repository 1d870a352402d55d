/* itinerant's map layers, built from GeoJSON.
 *
 * Every string that came from an article (places, actions, evidence, names) reaches the page
 * as a text node or an attribute value set through the DOM, never as markup: popups and
 * tooltips are elements built here, so hostile text shows as text.
 */
(function (root) {
  "use strict";

  var PLANNED_COLOUR = "#c2410c";
  var STATUSES = {occurred: "occurred", planned: "planned", speculative: "speculative"};

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
    if (p.action) {
      line.appendChild(document.createTextNode(" · "));
      line.appendChild(el("span", "itinerant-action", p.action));
    }
    line.appendChild(document.createTextNode(" · "));
    line.appendChild(el("span", "itinerant-status itinerant-" + statusOf(p.status), p.status));
    return line;
  }

  function placePopup(p, options, heading) {
    var box = el("div", "itinerant-popup");
    box.appendChild(el("h3", null, heading));
    if (options.showActor && p.actor) box.appendChild(el("p", "itinerant-actor", p.actor));
    box.appendChild(facts(p));
    if (p.evidence) box.appendChild(el("blockquote", "itinerant-evidence", p.evidence));
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

  function stopIcon(p, colour, shift) {
    var badge = el("div", "itinerant-stop-badge", String(p.number));
    if (statusOf(p.status) === "occurred") {
      badge.style.background = colour;
    } else {
      badge.style.color = PLANNED_COLOUR;
      badge.style.borderColor = PLANNED_COLOUR;
    }
    return L.divIcon({
      html: badge,
      className: "itinerant-stop itinerant-" + statusOf(p.status),
      iconSize: [26, 26],
      // Stops at one place (a return, a planned visit) sit side by side rather than hide each other.
      iconAnchor: [13 - 22 * shift, 13],
      popupAnchor: [0, -12],
      tooltipAnchor: [12, 0],
    });
  }

  function legStyle(p, colour) {
    if (statusOf(p.status) === "occurred") return {color: colour, weight: 3, opacity: 0.85};
    return {color: PLANNED_COLOUR, weight: 3, opacity: 0.9, dashArray: "8 7"};
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

  /* One actor's itinerary: legs under numbered stop markers, with popups and arrows. */
  function itineraryLayer(collection, options) {
    var colour = options.colour || "#1d4ed8";
    var group = L.featureGroup();
    var features = collection.features || [];
    var placeOf = {};
    features.forEach(function (feature) {
      if (feature.properties.kind === "stop") placeOf[feature.properties.number] = feature.properties.place;
    });
    var legs = L.geoJSON(null, {
      style: function (feature) { return legStyle(feature.properties, colour); },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var from = placeOf[p.from], to = placeOf[p.to];
        layer.bindPopup(function () { return legPopup(p, from, to); });
        layer.bindTooltip(textTooltip(from + " \u2192 " + to), {sticky: true});
        addArrows(layer, p, colour);
      },
    });
    var seen = {};
    var stops = L.geoJSON(null, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        var key = latlng.lat.toFixed(4) + "," + latlng.lng.toFixed(4);
        var shift = seen[key] || 0;
        seen[key] = shift + 1;
        return L.marker(latlng, {
          icon: stopIcon(p, colour, shift),
          title: p.number + ". " + p.place,
          alt: p.number + ". " + p.place,
          riseOnHover: true,
          zIndexOffset: p.number,
        });
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var shown = options.showActor ? Object.assign({actor: collection.actor}, p) : p;
        layer.bindPopup(function () { return placePopup(shown, options, p.number + ". " + p.place); }, {maxWidth: 320});
        layer.bindTooltip(textTooltip(p.number + ". " + p.place + (p.date ? " (" + p.date + ")" : "")));
      },
    });
    features.forEach(function (feature) {
      (feature.properties.kind === "leg" ? legs : stops).addData(feature);
    });
    group.addLayer(legs);
    group.addLayer(stops);
    group.itinerant = {collection: collection, colour: colour};  // for the replay
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

  /* A legend control: swatches for stops, legs and each actor. */
  function legend(map, entries) {
    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var box = el("div", "itinerant-legend leaflet-bar");
      box.appendChild(el("h4", null, "Legend"));
      var list = el("ul");
      entries.forEach(function (entry) {
        var item = el("li", "itinerant-legend-" + entry.kind);
        var swatch = el("span", "itinerant-swatch itinerant-swatch-" + entry.kind);
        if (entry.kind === "stop") {
          swatch.textContent = "1";
          swatch.style.background = entry.colour;
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
      box.appendChild(list);
      L.DomEvent.disableClickPropagation(box);
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
      toggle.addEventListener("click", function () { panel.hidden = !panel.hidden; });
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

  /* Replay (leaflet.timeline): the position marker and the legs travelled so far. */
  function replayInterval(feature) {
    var p = feature.properties;
    // A position lasts until the next stop's time, not through it; the last one to the end.
    return {start: p.start, end: p.end, endExclusive: p.kind === "position" && !p.last};
  }

  /* The replay's features, from the itinerary layers' own data (not written twice in the page):
     times[i][n] is when layer i's stop n+1 is reached; every interval ends at `end`. */
  function replayData(groups, times, end) {
    var out = [];
    groups.forEach(function (group, i) {
      var data = group.itinerant, when = times[i];
      if (!when) return;
      var stops = data.collection.features.filter(function (f) { return f.properties.kind === "stop"; });
      stops.forEach(function (stop, n) {
        var last = n + 1 === stops.length;
        out.push({type: "Feature", geometry: stop.geometry, properties: {
          kind: "position", colour: data.colour, last: last, start: when[n], end: last ? end : when[n + 1]}});
      });
      data.collection.features.forEach(function (leg) {
        if (leg.properties.kind !== "leg") return;
        out.push({type: "Feature", geometry: leg.geometry, properties: {
          kind: "leg", colour: data.colour, start: when[leg.properties.to - 1], end: end}});
      });
    });
    return {type: "FeatureCollection", features: out};
  }

  function replayPoint(feature, latlng) {
    return L.circleMarker(latlng, {radius: 15, interactive: false});
  }

  function replayStyle(feature) {
    // GeoJSON applies this to every layer, so the position marker takes its look from here too.
    var colour = feature.properties.colour;
    if (feature.properties.kind === "position") {
      return {radius: 15, weight: 3, color: colour, fillColor: colour, fillOpacity: 0.15, interactive: false,
              className: "itinerant-replay-position"};
    }
    return {color: colour, weight: 8, opacity: 0.35, interactive: false, className: "itinerant-replay-leg"};
  }

  root.itinerant = {
    itineraryLayer: itineraryLayer,
    eventLayer: eventLayer,
    legend: legend,
    embedControl: embedControl,
    replayData: replayData,
    replayInterval: replayInterval,
    replayPoint: replayPoint,
    replayStyle: replayStyle,
    PLANNED_COLOUR: PLANNED_COLOUR,
  };
})(window);
