"""The interface's text catalogue, in Spanish, English and French.

Names of Parties, bodies, topics and topic groups come from the warehouse (the taxonomy); the
labels of the other codes and every piece of interface text live here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

LANGS: Final = ("es", "en", "fr")
DEFAULT_LANG: Final = "es"
LANG_NAMES: Final = {"es": "Español", "en": "English", "fr": "Français"}

Entry = dict[str, str]


def _e(es: str, en: str, fr: str) -> Entry:
    return {"es": es, "en": en, "fr": fr}


TEXT: Final[dict[str, Entry]] = {
    # app and navigation
    "app_title": _e("Observatorio T-MEC", "T-MEC Observatory", "Observatoire ACEUM"),
    "app_tagline": _e(
        "Lo que hacen las instituciones del T-MEC (USMCA, CUSMA/ACEUM).",
        "What the institutions of the USMCA (T-MEC, CUSMA/ACEUM) actually do.",
        "Ce que font les institutions de l'ACEUM (T-MEC, USMCA).",
    ),
    "language": _e("Idioma", "Language", "Langue"),
    "page_summary": _e("Resumen", "Summary", "Résumé"),
    "page_trends": _e("Tendencias", "Trends", "Tendances"),
    "page_topics": _e("Temas", "Topics", "Thèmes"),
    "page_parties": _e("Partes", "Parties", "Parties"),
    "page_events": _e("Eventos", "Events", "Événements"),
    "page_data": _e("Datos", "Data", "Données"),
    "no_warehouse": _e(
        "No hay almacén de datos en `{path}`. Constrúyalo con `make build` (o `make run`).",
        "There is no warehouse at `{path}`. Build it with `make build` (or `make run`).",
        "Aucun entrepôt de données à `{path}`. Construisez-le avec `make build` (ou `make run`).",
    ),
    "no_rows": _e(
        "Ningún evento coincide con los filtros.",
        "No event matches the filters.",
        "Aucun événement ne correspond aux filtres.",
    ),
    "url_notice": _e(
        "Se ignoró un valor del enlace: {param}={value} ({reason}).",
        "A value in the link was ignored: {param}={value} ({reason}).",
        "Une valeur du lien a été ignorée : {param}={value} ({reason}).",
    ),
    "notice_unknown": _e("desconocido", "unknown", "inconnu"),
    "notice_not_a_date": _e(
        "no es una fecha AAAA-MM-DD", "not a date (YYYY-MM-DD)", "pas une date AAAA-MM-JJ"
    ),
    "notice_too_long": _e("demasiado largo", "too long", "trop long"),
    "notice_after": _e("posterior a {detail}", "after {detail}", "postérieur au {detail}"),
    "notice_before": _e("anterior a {detail}", "before {detail}", "antérieur au {detail}"),
    "notice_after_to": _e(
        "posterior a la fecha final", "after the end date", "postérieur à la date de fin"
    ),
    # filters
    "filters": _e("Filtros", "Filters", "Filtres"),
    "period": _e("Periodo", "Period", "Période"),
    "bodies": _e("Órganos", "Bodies", "Organes"),
    "chapters": _e(
        "Grupo de órganos (capítulo)", "Body group (chapter)", "Groupe d'organes (chapitre)"
    ),
    "topics": _e("Temas", "Topics", "Thèmes"),
    "topic_groups": _e("Grupos de temas", "Topic groups", "Groupes de thèmes"),
    "parties": _e("Partes", "Parties", "Parties"),
    "party_roles": _e("Papel de la Parte", "Party's role", "Rôle de la Partie"),
    "kinds": _e("Tipo de evento", "Event kind", "Type d'événement"),
    "statuses": _e("Estado", "Status", "Statut"),
    "confidences": _e("Confianza", "Confidence", "Confiance"),
    "include_all_statuses": _e(
        "Incluir anunciados, pospuestos, reprogramados y cancelados",
        "Include announced, postponed, rescheduled and cancelled",
        "Inclure annoncés, reportés, reprogrammés et annulés",
    ),
    "held_only_note": _e(
        "Solo eventos celebrados (cambie el estado en los filtros).",
        "Held events only (change the status in the filters).",
        "Événements tenus seulement (changez le statut dans les filtres).",
    ),
    "all": _e("Todos", "All", "Tous"),
    "period_presets": _e("Periodos frecuentes", "Common periods", "Périodes courantes"),
    "preset_this_year": _e("Este año", "This year", "Cette année"),
    "preset_last_year": _e("Año pasado", "Last year", "L'an dernier"),
    "preset_last_12_months": _e("Últimos 12 meses", "Last 12 months", "12 derniers mois"),
    "preset_since_entry": _e(
        "Desde la entrada en vigor", "Since entry into force", "Depuis l'entrée en vigueur"
    ),
    "active_filters": _e("Filtros: {filters}", "Filters: {filters}", "Filtres : {filters}"),
    "label_value": _e("{label}: {value}", "{label}: {value}", "{label} : {value}"),
    "reset_filters": _e("Restablecer filtros", "Reset filters", "Réinitialiser les filtres"),
    "copy_link_hint": _e(
        "La dirección de esta página guarda los filtros: cópiela para compartir la vista.",
        "This page's address keeps the filters: copy it to share the view.",
        "L'adresse de cette page garde les filtres : copiez-la pour partager la vue.",
    ),
    # common columns
    "year": _e("Año", "Year", "Année"),
    "quarter": _e("Trimestre", "Quarter", "Trimestre"),
    "period_label": _e("Periodo", "Period", "Période"),
    "body": _e("Órgano", "Body", "Organe"),
    "kind": _e("Tipo", "Kind", "Type"),
    "topic": _e("Tema", "Topic", "Thème"),
    "topic-groups": _e("grupos-de-temas", "topic-groups", "groupes-de-themes"),
    "topic_group": _e("Grupo de temas", "Topic group", "Groupe de thèmes"),
    "party": _e("Parte", "Party", "Partie"),
    "role": _e("Papel", "Role", "Rôle"),
    "level": _e("Nivel", "Level", "Niveau"),
    "capacity": _e("Calidad", "Capacity", "Qualité"),
    "status": _e("Estado", "Status", "Statut"),
    "confidence": _e("Confianza", "Confidence", "Confiance"),
    "format": _e("Formato", "Format", "Format"),
    "city": _e("Ciudad", "City", "Ville"),
    "host_party": _e("Anfitrión", "Host", "Hôte"),
    "chair_party": _e("Presidencia", "Chair", "Présidence"),
    "edition": _e("Edición", "Edition", "Édition"),
    "title": _e("Título", "Title", "Titre"),
    "date": _e("Fecha", "Date", "Date"),
    "start_date": _e("Inicio", "Start", "Début"),
    "end_date": _e("Fin", "End", "Fin"),
    "date_precision": _e("Precisión de la fecha", "Date precision", "Précision de la date"),
    "event_id": _e("Id del evento", "Event id", "Id de l'événement"),
    "n_events": _e("Eventos", "Events", "Événements"),
    "code": _e("Código", "Code", "Code"),
    "label": _e("Etiqueta", "Label", "Libellé"),
    "list_name": _e("Lista", "List", "Liste"),
    "topic_code": _e("Código del tema", "Topic code", "Code du thème"),
    "group_code": _e("Código del grupo", "Group code", "Code du groupe"),
    "body_code": _e("Código del órgano", "Body code", "Code de l'organe"),
    "chapter": _e("Capítulo", "Chapter", "Chapitre"),
    "article": _e("Artículo", "Article", "Article"),
    "run_id": _e("Carga", "Run", "Chargement"),
    "started_at": _e("Inicio (UTC)", "Started (UTC)", "Début (UTC)"),
    "finished_at": _e("Fin (UTC)", "Finished (UTC)", "Fin (UTC)"),
    "n_files": _e("Archivos", "Files", "Fichiers"),
    "n_officials": _e("Funcionarios", "Officials", "Responsables"),
    "n_present": _e("Eventos con presencia", "Events present", "Événements présents"),
    "share": _e("Proporción de eventos", "Share of events", "Part des événements"),
    "n_sources": _e("Fuentes", "Sources", "Sources"),
    "source_urls": _e("URL de las fuentes", "Source URLs", "URL des sources"),
    "n_outcomes": _e("Resultados", "Outcomes", "Résultats"),
    "n_previous": _e(
        "Eventos en el periodo anterior",
        "Events in the previous period",
        "Événements période précédente",
    ),
    "outcome_texts": _e("Resultados", "Outcomes", "Résultats"),
    "participant_names": _e("Participantes", "Participants", "Participants"),
    "name": _e("Nombre", "Name", "Nom"),
    "organization": _e("Organización", "Organization", "Organisation"),
    "panel": _e("Panel", "Panel", "Panel"),
    "text": _e("Texto", "Text", "Texte"),
    "url": _e("URL", "URL", "URL"),
    "publisher": _e("Editor", "Publisher", "Éditeur"),
    "published": _e("Publicado", "Published", "Publié"),
    "supports": _e("Respalda", "Supports", "Appuie"),
    "source_language": _e("Idioma", "Language", "Langue"),
    "download_csv": _e("Descargar CSV", "Download CSV", "Télécharger CSV"),
    "download_csv_help": _e(
        "Las filas exactas detrás de este gráfico (UTF-8, se abre en Excel).",
        "The exact rows behind this chart (UTF-8, opens in Excel).",
        "Les lignes exactes derrière ce graphique (UTF-8, s'ouvre dans Excel).",
    ),
    # summary
    "headline_meetings": _e("Reuniones celebradas", "Meetings held", "Réunions tenues"),
    "headline_meetings_any": _e("Reuniones", "Meetings", "Réunions"),
    "headline_acts": _e(
        "Actos fechados (no reuniones)", "Dated acts (not meetings)", "Actes datés (hors réunions)"
    ),
    "status_act_done": _e("Realizado (acto fechado)", "Done (dated act)", "Réalisé (acte daté)"),
    "event_is_act": _e(
        "{kind}: un acto fechado, no una reunión. No se cuenta entre las reuniones ni como "
        "evidencia de que el órgano se reunió.",
        "{kind}: a dated act, not a meeting. It is not counted among meetings nor as evidence "
        "that the body met.",
        "{kind} : un acte daté, pas une réunion. Il n'est compté ni parmi les réunions ni comme "
        "indice que l'organe s'est réuni.",
    ),
    "body_acts": _e(
        "Actos fechados (no reuniones)", "Dated acts (not meetings)", "Actes datés (hors réunions)"
    ),
    "body_acts_note": _e(
        "Decisiones y consultas públicas de este órgano: no cuentan como reuniones.",
        "Decisions and public consultations of this body: they do not count as meetings.",
        "Décisions et consultations publiques de cet organe : elles ne comptent pas comme "
        "des réunions.",
    ),
    "headline_acts_help": _e(
        "Decisiones adoptadas sin reunión y convocatorias de comentarios públicos: se muestran "
        "y se exportan con su tipo, pero no cuentan como reuniones.",
        "Decisions adopted without a meeting and calls for public comments: shown and exported "
        "with their kind, never counted as meetings.",
        "Décisions adoptées sans réunion et appels à commentaires publics : affichés et exportés "
        "avec leur type, jamais comptés comme des réunions.",
    ),
    "headline_events_any": _e("Eventos", "Events", "Événements"),
    "headline_bodies": _e(
        "Órganos con reuniones", "Bodies with meetings", "Organes avec des réunions"
    ),
    "headline_hosting": _e(
        "Reuniones con anfitrión: {party}",
        "Meetings hosted by {party}",
        "Réunions accueillies : {party}",
    ),
    "top_topics": _e("Temas más frecuentes", "Most frequent topics", "Thèmes les plus fréquents"),
    "change_vs_previous": _e(
        "Cambio frente al periodo anterior ({start} – {end})",
        "Change against the previous period ({start} – {end})",
        "Variation par rapport à la période précédente ({start} – {end})",
    ),
    "previous": _e("Periodo anterior", "Previous period", "Période précédente"),
    "change": _e("Cambio", "Change", "Variation"),
    "latest_events": _e("Últimos eventos", "Latest events", "Derniers événements"),
    "next_events": _e(
        "Próximos eventos anunciados", "Next announced events", "Prochains événements annoncés"
    ),
    "none_announced": _e(
        "Ningún evento anunciado por venir.",
        "No upcoming announced event.",
        "Aucun événement annoncé à venir.",
    ),
    "as_of": _e(
        "Evento más reciente registrado: {newest} · datos compilados el {built} · "
        "versión {version}",
        "Newest event recorded: {newest} · data built {built} · version {version}",
        "Événement le plus récent enregistré : {newest} · données compilées le {built} · "
        "version {version}",
    ),
    "as_of_value": _e(
        "evento más reciente {newest}; compilado el {built}",
        "newest event {newest}; built {built}",
        "événement le plus récent {newest} ; compilé le {built}",
    ),
    "briefing_pack": _e(
        "Paquete para nota informativa (zip)",
        "Briefing pack (zip)",
        "Dossier de note d'information (zip)",
    ),
    "download_xlsx": _e(
        "Descargar Excel (.xlsx)", "Download Excel (.xlsx)", "Télécharger Excel (.xlsx)"
    ),
    "download_xlsx_help": _e(
        "Una hoja por tabla, las fuentes, y los filtros y la versión de los datos.",
        "One sheet per table, the sources, and the filters and data version.",
        "Une feuille par tableau, les sources, et les filtres et la version des données.",
    ),
    "workbook_about": _e("Filtros y versión", "Filters and version", "Filtres et version"),
    "briefing_pack_help": _e(
        "Los CSV y el libro Excel de esta vista y un informe HTML autónomo (se imprime a PDF).",
        "The CSVs and Excel workbook of this view and a self-contained HTML report (prints to "
        "PDF).",
        "Les CSV et le classeur Excel de cette vue et un rapport HTML autonome (s'imprime en PDF).",
    ),
    # the Summary's paragraph (dashboard/summary.py)
    "summary_period": _e(
        "Entre {start} y {end}", "Between {start} and {end}", "Entre le {start} et le {end}"
    ),
    "summary_none": _e(
        "{period}, ninguna reunión ni acto fechado coincide con los filtros.",
        "{period}, no meeting and no dated act matches the filters.",
        "{period}, aucune réunion ni aucun acte daté ne correspond aux filtres.",
    ),
    "summary_no_meetings": _e(
        "{period}, ninguna reunión coincide con los filtros.",
        "{period}, no meeting matches the filters.",
        "{period}, aucune réunion ne correspond aux filtres.",
    ),
    "summary_acts": _e(
        "Además, {acts}: {kinds}.", "Besides, {acts}: {kinds}.", "En outre, {acts} : {kinds}."
    ),
    "summary_act_kind": _e("{kind} ({n})", "{kind} ({n})", "{kind} ({n})"),
    "summary_head": _e(
        "{period} hubo {what} {bodies}.", "{period}, {what} {bodies}.", "{period}, {what} {bodies}."
    ),
    "summary_hosts": _e("Anfitriones: {hosts}.", "Hosts: {hosts}.", "Hôtes : {hosts}."),
    "summary_no_hosts": _e(
        "Ningún evento tiene anfitrión registrado.",
        "No event has a recorded host.",
        "Aucun événement n'a d'hôte enregistré.",
    ),
    "summary_topics": _e(
        "Temas más frecuentes: {topics}.",
        "Most frequent topics: {topics}.",
        "Thèmes les plus fréquents : {topics}.",
    ),
    "summary_move": _e(
        "{label} ({n}; {sign} frente al periodo anterior)",
        "{label} ({n}; {sign} on the previous period)",
        "{label} ({n} ; {sign} par rapport à la période précédente)",
    ),
    "summary_and": _e("y", "and", "et"),
    "summary_hosted": _e("{party} {n}", "{party} {n}", "{party} {n}"),
    "summary_topic_count": _e("{label} ({n})", "{label} ({n})", "{label} ({n})"),
    "report_title": _e(
        "Observatorio T-MEC: nota informativa",
        "T-MEC Observatory: briefing",
        "Observatoire ACEUM : note d'information",
    ),
    "report_summary": _e("Resumen", "Summary", "Résumé"),
    "report_headline": _e("Cifras principales", "Headline figures", "Chiffres clés"),
    "report_charts": _e("Gráficos", "Charts", "Graphiques"),
    "report_filters": _e("Filtros aplicados", "Filters applied", "Filtres appliqués"),
    "report_sources": _e("Fuentes citadas", "Sources cited", "Sources citées"),
    "report_generated": _e("Generado", "Generated", "Généré"),
    "report_events": _e("Eventos de esta vista", "Events in this view", "Événements de cette vue"),
    "report_key_outcome": _e("Resultado principal", "Key outcome", "Résultat principal"),
    "report_best_source": _e("Fuente", "Source", "Source"),
    "report_reopen": _e("Reabrir esta vista", "Reopen this view", "Rouvrir cette vue"),
    "report_search": _e("Búsqueda", "Search", "Recherche"),
    "data_version": _e("Versión de datos", "Data version", "Version des données"),
    "as_of_label": _e("Datos al", "Data as of", "Données au"),
    # trends
    "grain": _e("Periodo", "Period", "Période"),
    "stack_by": _e("Apilar por", "Stack by", "Empiler par"),
    "measure": _e("Medida", "Measure", "Mesure"),
    "counts": _e("Conteos", "Counts", "Nombres"),
    "shares": _e("Proporciones", "Shares", "Parts"),
    "cumulative": _e("Acumulado", "Cumulative", "Cumulé"),
    "topic_level": _e("Nivel", "Level", "Niveau"),
    "events_over_time": _e(
        "Reuniones en el tiempo", "Meetings over time", "Réunions dans le temps"
    ),
    "topic_trends": _e("Temas en el tiempo", "Topics over time", "Thèmes dans le temps"),
    "chart_truncated": _e(
        "El gráfico muestra los {shown} más frecuentes de {total}; el CSV los contiene todos. "
        "Elija temas en los filtros para ver otros.",
        "The chart draws the {shown} most frequent of {total}; the CSV holds them all. Choose "
        "topics in the filters to see others.",
        "Le graphique montre les {shown} plus fréquents sur {total} ; le CSV les contient tous. "
        "Choisissez des thèmes dans les filtres pour en voir d'autres.",
    ),
    "share_note": _e(
        "Proporción: eventos que tocan el tema / eventos del periodo. Un evento puede tocar "
        "varios temas.",
        "Share: events touching the topic / events in the period. An event can touch several "
        "topics.",
        "Part : événements touchant le thème / événements de la période. Un événement peut "
        "toucher plusieurs thèmes.",
    ),
    # topics
    "topic_year_heatmap": _e("Tema × año", "Topic × year", "Thème × année"),
    "topic_body_heatmap": _e("Tema × órgano", "Topic × body", "Thème × organe"),
    "topic_rule": _e(
        "Un evento cuenta para un tema si el evento, uno de sus paneles o uno de sus "
        "resultados lo lleva.",
        "An event counts for a topic if the event, one of its panels or one of its outcomes "
        "carries it.",
        "Un événement compte pour un thème si l'événement, l'un de ses panels ou l'un de ses "
        "résultats le porte.",
    ),
    "cell_events": _e(
        "Eventos detrás de una celda", "Events behind a cell", "Événements derrière une cellule"
    ),
    "any": _e("Cualquiera", "Any", "Tous"),
    "click_cell_hint": _e(
        "Haga clic en un cuadro de un mapa de calor, o elija un tema y un año o un órgano.",
        "Click a square in a heatmap, or choose a topic and a year or a body.",
        "Cliquez sur un carré d'une carte de chaleur, ou choisissez un thème et une année ou "
        "un organe.",
    ),
    "cell_events_of": _e(
        "{topic} · año: {year} · órgano: {body}",
        "{topic} · year: {year} · body: {body}",
        "{topic} · année : {year} · organe : {body}",
    ),
    "panels_capped": _e(
        "La tabla muestra los paneles de los eventos más recientes (primeros {shown}); el CSV "
        "los contiene todos.",
        "The table shows the panels of the newest events (the first {shown}); the CSV holds "
        "all of them.",
        "Le tableau montre les panels des événements les plus récents (les {shown} premiers) ; "
        "le CSV les contient tous.",
    ),
    "panel_themes": _e("Temas de los paneles", "Panel themes", "Thèmes des panels"),
    "via_event": _e("Del evento", "From event", "De l'événement"),
    "via_panel": _e("De un panel", "From a panel", "D'un panel"),
    "via_outcome": _e("De un resultado", "From an outcome", "D'un résultat"),
    # parties
    "hosting_chairing": _e(
        "Anfitrión y presidencia por año",
        "Hosting and chairing by year",
        "Accueil et présidence par année",
    ),
    "officials_by_level": _e(
        "Funcionarios nombrados por Parte y nivel",
        "Named officials by Party and level",
        "Responsables nommés par Partie et niveau",
    ),
    "presence_by_body": _e(
        "Presencia de cada Parte por órgano",
        "Presence of each Party per body",
        "Présence de chaque Partie par organe",
    ),
    "presence_note": _e(
        "Presencia: la Parte fue anfitriona, presidió o envió a un funcionario nombrado en la "
        "fuente.",
        "Presence: the Party hosted, chaired or sent an official named in the sources.",
        "Présence : la Partie a accueilli, présidé ou envoyé un responsable nommé dans les "
        "sources.",
    ),
    # events
    "search": _e(
        "Buscar en títulos, lugares, notas, temas, paneles, resultados y personas",
        "Search titles, places, notes, topics, panels, outcomes and people",
        "Rechercher dans les titres, lieux, notes, thèmes, panels, résultats et personnes",
    ),
    "search_placeholder": _e(
        "p. ej. Ebrard, Ciudad de México, economía circular",
        "e.g. Ebrard, Mexico City, circular economy",
        "p. ex. Ebrard, Ville de Mexico, économie circulaire",
    ),
    "status_overdue": _e(
        "Anunciado, fecha pasada (sin confirmar)",
        "Announced, date passed (unconfirmed)",
        "Annoncé, date passée (non confirmé)",
    ),
    "overdue_events": _e(
        "Anunciados cuya fecha ya pasó, sin confirmación de que se celebraran",
        "Announced for a date that has passed, not confirmed as held",
        "Annoncés pour une date passée, sans confirmation qu'ils ont eu lieu",
    ),
    "overdue_event_warning": _e(
        "Este evento estaba anunciado para una fecha que ya pasó y ningún registro confirma "
        "que se celebrara.",
        "This event was announced for a date that has passed and no record confirms it was held.",
        "Cet événement était annoncé pour une date passée et aucune fiche ne confirme qu'il a "
        "eu lieu.",
    ),
    "bar_events": _e(
        "Reuniones de {period} · {series}",
        "Meetings of {period} · {series}",
        "Réunions de {period} · {series}",
    ),
    "click_bar_hint": _e(
        "Haga clic en una barra para ver sus reuniones.",
        "Click a bar to see its meetings.",
        "Cliquez sur une barre pour voir ses réunions.",
    ),
    "pick_row_hint": _e(
        "Haga clic en una fila para ver el evento.",
        "Click a row to open the event.",
        "Cliquez sur une ligne pour ouvrir l'événement.",
    ),
    "rows_capped": _e(
        "La tabla muestra los {shown} más recientes de {n}; el CSV los contiene todos.",
        "The table shows the newest {shown} of {n}; the CSV holds all of them.",
        "Le tableau montre les {shown} plus récents sur {n} ; le CSV les contient tous.",
    ),
    "open_event": _e(
        "Ver el detalle de un evento", "Open an event's detail", "Voir le détail d'un événement"
    ),
    "event_link": _e(
        "Enlace a este evento: {link}",
        "Link to this event: {link}",
        "Lien vers cet événement : {link}",
    ),
    "participants": _e("Participantes", "Participants", "Participants"),
    "panels": _e("Paneles", "Panels", "Panels"),
    "outcomes": _e("Resultados", "Outcomes", "Résultats"),
    "related": _e("Eventos relacionados", "Related events", "Événements liés"),
    "sources": _e("Fuentes", "Sources", "Sources"),
    "notes": _e("Notas", "Notes", "Notes"),
    "treaty_refs": _e("Referencias al tratado", "Treaty references", "Références au traité"),
    "not_in_data": _e(
        "{id} (aún no en los datos)",
        "{id} (not in the data yet)",
        "{id} (pas encore dans les données)",
    ),
    "unknown_event": _e(
        "No hay un evento con el id {id}.",
        "There is no event with id {id}.",
        "Aucun événement avec l'id {id}.",
    ),
    "back_to_list": _e("← Volver a la lista", "← Back to the list", "← Retour à la liste"),
    "none": _e("—", "—", "—"),
    # data
    "confidence_mix": _e("Mezcla de confianza", "Confidence mix", "Répartition de la confiance"),
    "codebook": _e("Libro de códigos", "Codebook", "Livre de codes"),
    "data_page_scope": _e(
        "Esta página describe todos los registros: los filtros de la barra lateral no se aplican "
        "aquí.",
        "This page describes every record: the sidebar filters do not apply here.",
        "Cette page décrit tous les enregistrements : les filtres de la barre latérale ne "
        "s'appliquent pas ici.",
    ),
    "codebook_kinds": _e("Tipos de evento", "Event kinds", "Types d'événement"),
    "codebook_statuses": _e("Estados", "Statuses", "Statuts"),
    "codebook_formats": _e("Formatos", "Formats", "Formats"),
    "codebook_levels": _e(
        "Niveles de los participantes", "Participants' levels", "Niveaux des participants"
    ),
    "codebook_capacities": _e(
        "Calidad de participación", "Capacities", "Qualités de participation"
    ),
    "codebook_outcome_kinds": _e("Tipos de resultado", "Outcome kinds", "Types de résultat"),
    "codebook_confidence": _e("Confianza", "Confidence", "Confiance"),
    "codebook_party_roles": _e("Papeles de las Partes", "Parties' roles", "Rôles des Parties"),
    "codebook_chapters": _e("Capítulos del Tratado", "Treaty chapters", "Chapitres de l'Accord"),
    "codebook_evidence": _e("Evidencia de actividad", "Evidence of activity", "Indices d'activité"),
    "codebook_claims": _e(
        "Lo que afirma un informe", "What a report claims", "Ce qu'un rapport affirme"
    ),
    "codebook_date_precision": _e(
        "Precisión de la fecha", "Date precision", "Précision de la date"
    ),
    "load_runs": _e("Cargas", "Load runs", "Chargements"),
    "licence_note": _e(
        "Registros curados a partir de fuentes públicas; cada registro cita sus fuentes.",
        "Records curated from public sources; each record cites its sources.",
        "Enregistrements établis à partir de sources publiques ; chacun cite ses sources.",
    ),
    # cases pages
    "page_cases": _e("Casos", "Cases", "Affaires"),
    "page_case": _e("Caso", "Case", "Affaire"),
    "cases_intro": _e(
        "Casos de aplicación: solicitudes del Mecanismo Laboral de Respuesta Rápida y "
        "controversias entre Partes. Aplican el periodo (fecha de solicitud), las Partes "
        "(reclamante, demandada o tercera) y los temas de los filtros.",
        "Enforcement cases: Rapid Response Labor Mechanism requests and state-to-state "
        "disputes. The period (request date), Parties (complainant, respondent or third party) "
        "and topics of the filters apply.",
        "Affaires d'application : demandes du Mécanisme de réaction rapide et différends entre "
        "Parties. La période (date de la demande), les Parties (plaignante, défenderesse ou "
        "tierce) et les thèmes des filtres s'appliquent.",
    ),
    "cases_filter_mechanism": _e("Mecanismo", "Mechanism", "Mécanisme"),
    "cases_filter_sector": _e("Sector", "Sector", "Secteur"),
    "cases_filter_case_status": _e("Estado del caso", "Case status", "Statut de l'affaire"),
    "cases_as_of": _e(
        "Registros al {latest} (último paso registrado); días contados hasta el {built_on}, "
        "fecha de la última actualización de los datos.",
        "Records as of {latest} (latest step recorded); days counted up to {built_on}, when "
        "the data were last updated.",
        "Enregistrements au {latest} (dernière étape enregistrée) ; jours comptés jusqu'au "
        "{built_on}, date de la dernière mise à jour des données.",
    ),
    "cases_n_cases": _e("Casos registrados", "Cases recorded", "Affaires enregistrées"),
    "cases_none": _e(
        "Ningún caso coincide con los filtros.",
        "No case matches the filters.",
        "Aucune affaire ne correspond aux filtres.",
    ),
    "cases_stated_heading": _e(
        "Totales declarados y registros",
        "Stated totals and records",
        "Totaux déclarés et enregistrements",
    ),
    "cases_stated_note": _e(
        "Cada total declarado por una fuente, junto al número de registros que cubre (sin "
        "filtros): la diferencia es lo que los registros aún no tienen.",
        "Each total a source states, beside the number of records it concerns (unfiltered): "
        "the difference is what the records do not hold yet.",
        "Chaque total déclaré par une source, à côté du nombre d'enregistrements qu'il "
        "concerne (sans filtres) : l'écart est ce que les enregistrements n'ont pas encore.",
    ),
    # A stated total or a count of records of one kind, with its number (see t_n); the kind's
    # name in the codebook is the plural without the number (CODE_LABELS['stated_kinds']).
    "cases_count_rrm_requests#one": _e(
        "{n} solicitud del MLRR", "{n} RRM request", "{n} demande au titre du MRR"
    ),
    "cases_count_rrm_requests#other": _e(
        "{n} solicitudes del MLRR", "{n} RRM requests", "{n} demandes au titre du MRR"
    ),
    "cases_count_rrm_panels#one": _e(
        "{n} caso del MLRR con panel",
        "{n} RRM case with a panel",
        "{n} affaire du MRR avec groupe spécial",
    ),
    "cases_count_rrm_panels#other": _e(
        "{n} casos del MLRR con panel",
        "{n} RRM cases with a panel",
        "{n} affaires du MRR avec groupe spécial",
    ),
    "cases_count_rrm_resolutions#one": _e(
        "{n} caso del MLRR resuelto", "{n} RRM case resolved", "{n} affaire du MRR réglée"
    ),
    "cases_count_rrm_resolutions#other": _e(
        "{n} casos del MLRR resueltos", "{n} RRM cases resolved", "{n} affaires du MRR réglées"
    ),
    "cases_count_rrm_workers#one": _e(
        "{n} trabajador beneficiado", "{n} worker benefited", "{n} travailleur bénéficiaire"
    ),
    "cases_count_rrm_workers#other": _e(
        "{n} trabajadores beneficiados",
        "{n} workers benefited",
        "{n} travailleurs bénéficiaires",
    ),
    "cases_count_usmca_disputes#one": _e(
        "{n} controversia del T-MEC", "{n} USMCA dispute", "{n} différend de l'ACEUM"
    ),
    "cases_count_usmca_disputes#other": _e(
        "{n} controversias del T-MEC", "{n} USMCA disputes", "{n} différends de l'ACEUM"
    ),
    "cases_count_other#one": _e("{n} otro", "{n} other", "{n} autre"),
    "cases_count_other#other": _e("{n} otros", "{n} others", "{n} autres"),
    "cases_tallies": _e("Recuentos", "Tallies", "Décomptes"),
    "cases_by_mechanism": _e("Por mecanismo", "By mechanism", "Par mécanisme"),
    "cases_by_complainant": _e(
        "Por Parte reclamante", "By complainant Party", "Par Partie plaignante"
    ),
    "cases_by_respondent": _e(
        "Por Parte demandada", "By respondent Party", "Par Partie défenderesse"
    ),
    "cases_by_sector": _e("Por sector", "By sector", "Par secteur"),
    "cases_by_status": _e("Por estado", "By status", "Par statut"),
    "cases_by_year": _e("Por año de solicitud", "By year of request", "Par année de la demande"),
    "cases_timeline": _e(
        "Cronología: un renglón por caso",
        "Timeline: one row per case",
        "Chronologie : une ligne par affaire",
    ),
    "cases_timeline_capped": _e(
        "La cronología muestra los {shown} casos con los pasos más recientes, de {n}; "
        "el CSV contiene todos los hitos.",
        "The timeline shows the {shown} cases with the most recent steps, of {n}; "
        "the CSV holds every milestone.",
        "La chronologie montre les {shown} affaires aux étapes les plus récentes, sur {n} ; "
        "le CSV contient toutes les étapes.",
    ),
    "cases_open": _e(
        "Casos no concluidos y tiempo desde su último paso",
        "Cases not concluded and time since their last step",
        "Affaires non conclues et temps depuis leur dernière étape",
    ),
    "cases_days_note": _e(
        "Días contados hasta la última actualización de los datos (columna «Contado al»).",
        "Days counted up to the last update of the data (column “Counted to”).",
        "Jours comptés jusqu'à la dernière mise à jour des données (colonne « Compté au »).",
    ),
    "cases_resolution": _e(
        "Días de la solicitud a la resolución, por mecanismo",
        "Days from request to resolution, by mechanism",
        "Jours de la demande au règlement, par mécanisme",
    ),
    "cases_list": _e("Los casos", "The cases", "Les affaires"),
    "cases_english_only": _e(
        "El texto de los casos (asunto, instalación, pasos, resultado) solo existe en inglés.",
        "Case text (subject, facility, steps, outcome) is in English only.",
        "Le texte des affaires (objet, installation, étapes, résultat) n'existe qu'en anglais.",
    ),
    "cases_stated_language": _e(
        "Quién publica cada total, sus precisiones y la cita están en el idioma de la fuente.",
        "Who publishes each total, its details and the quotation are in the source's language.",
        "L'auteur de chaque total, ses précisions et la citation sont dans la langue de la source.",
    ),
    "cases_open_case": _e("Abrir un caso", "Open a case", "Ouvrir une affaire"),
    "cases_back": _e("← Todos los casos", "← All cases", "← Toutes les affaires"),
    "cases_unknown_case": _e(
        "No hay caso con el id {id}.", "No case with the id {id}.", "Aucune affaire avec l'id {id}."
    ),
    "cases_case_link": _e("Enlace a este caso", "Link to this case", "Lien vers cette affaire"),
    "cases_mechanism": _e("Mecanismo", "Mechanism", "Mécanisme"),
    "cases_complainant": _e("Reclamante", "Complainant", "Plaignante"),
    "cases_respondent": _e("Demandada", "Respondent", "Défenderesse"),
    "cases_third_parties": _e("Terceras Partes", "Third parties", "Tierces parties"),
    "cases_facility": _e("Instalación", "Facility", "Installation"),
    "cases_sector": _e("Sector", "Sector", "Secteur"),
    "cases_status": _e("Estado", "Status", "Statut"),
    "cases_request_date": _e("Solicitud", "Request", "Demande"),
    "cases_latest_step": _e("Último paso", "Latest step", "Dernière étape"),
    "cases_days_to_resolution": _e(
        "Días hasta la resolución", "Days to resolution", "Jours jusqu'au règlement"
    ),
    "cases_outcome": _e("Resultado", "Outcome", "Résultat"),
    "cases_chronology": _e("Cronología", "Chronology", "Chronologie"),
    "cases_related_meetings": _e(
        "Reuniones relacionadas (órganos del capítulo, durante el caso)",
        "Related meetings (bodies of its chapter, while the case ran)",
        "Réunions liées (organes du chapitre, pendant l'affaire)",
    ),
    "cases_of_chapter": _e(
        "Casos del capítulo {chapter}",
        "Cases concerning chapter {chapter}",
        "Affaires du chapitre {chapter}",
    ),
    "case_id": _e("Caso", "Case", "Affaire"),
    "mechanism_code": _e("Mecanismo", "Mechanism", "Mécanisme"),
    "complainant_party": _e("Reclamante", "Complainant", "Plaignante"),
    "respondent_party": _e("Demandada", "Respondent", "Défenderesse"),
    "request_date": _e("Solicitud", "Request", "Demande"),
    "latest_step_code": _e("Último paso", "Latest step", "Dernière étape"),
    "latest_step_date": _e(
        "Fecha del último paso", "Latest step's date", "Date de la dernière étape"
    ),
    "facility": _e("Instalación", "Facility", "Installation"),
    "subject_en": _e("Asunto (inglés)", "Subject", "Objet (anglais)"),
    "days_since_last_step": _e(
        "Días desde el último paso", "Days since last step", "Jours depuis la dernière étape"
    ),
    "days_open": _e("Días abierto", "Days open", "Jours ouverte"),
    "built_on": _e("Contado al", "Counted to", "Compté au"),
    "n_cases": _e("Casos", "Cases", "Affaires"),
    "median_days": _e("Mediana de días", "Median days", "Médiane des jours"),
    "min_days": _e("Mínimo de días", "Fewest days", "Minimum de jours"),
    "max_days": _e("Máximo de días", "Most days", "Maximum de jours"),
    "milestone_date": _e("Fecha", "Date", "Date"),
    "step_code": _e("Paso", "Step", "Étape"),
    "source_no": _e("Fuente n.º", "Source no.", "Source n°"),
    "claim": _e("Cita", "Quotation", "Citation"),
    "scope": _e("Alcance", "Scope", "Portée"),
    "value": _e("Total declarado", "Stated total", "Total déclaré"),
    "n_records": _e("Registros", "Records", "Enregistrements"),
    "n_records_by_as_of": _e(
        "Registros a esa fecha", "Records by that date", "Enregistrements à cette date"
    ),
    "shortfall": _e("Diferencia", "Shortfall", "Écart"),
}

CODE_LABELS: Final[dict[str, dict[str, Entry]]] = {
    "kinds": {
        "committee_meeting": _e("Reunión de comité", "Committee meeting", "Réunion de comité"),
        "dialogue": _e("Diálogo", "Dialogue", "Dialogue"),
        "commission_meeting": _e(
            "Reunión de la Comisión", "Commission meeting", "Réunion de la Commission"
        ),
        "council_session": _e("Sesión de consejo", "Council session", "Session du conseil"),
        "public_session": _e("Sesión pública", "Public session", "Séance publique"),
        "deputies_meeting": _e(
            "Reunión de subsecretarios", "Deputies meeting", "Réunion des sous-ministres"
        ),
        "working_group": _e("Grupo de trabajo", "Working group", "Groupe de travail"),
        "review": _e("Revisión", "Review", "Examen"),
        "ministerial_meeting": _e(
            "Reunión ministerial", "Ministerial meeting", "Réunion ministérielle"
        ),
        "bilateral_meeting": _e("Reunión bilateral", "Bilateral meeting", "Réunion bilatérale"),
        "decision": _e("Decisión", "Decision", "Décision"),
        "public_consultation": _e(
            "Consulta pública", "Public consultation", "Consultation publique"
        ),
        "other": _e("Otro", "Other", "Autre"),
    },
    "statuses": {
        "held": _e("Celebrado", "Held", "Tenu"),
        "postponed": _e("Pospuesto", "Postponed", "Reporté"),
        "rescheduled": _e("Reprogramado", "Rescheduled", "Reprogrammé"),
        "cancelled": _e("Cancelado", "Cancelled", "Annulé"),
        "announced": _e("Anunciado", "Announced", "Annoncé"),
    },
    "formats": {
        "in_person": _e("Presencial", "In person", "En personne"),
        "virtual": _e("Virtual", "Virtual", "Virtuel"),
        "hybrid": _e("Híbrido", "Hybrid", "Hybride"),
        "unknown": _e("Desconocido", "Unknown", "Inconnu"),
    },
    "levels": {
        "minister": _e("Ministro/a", "Minister", "Ministre"),
        "deputy_minister": _e("Subsecretario/a", "Deputy minister", "Sous-ministre"),
        "senior_official": _e("Alto funcionario", "Senior official", "Haut fonctionnaire"),
        "ambassador": _e("Embajador/a", "Ambassador", "Ambassadeur"),
        "official": _e("Funcionario/a", "Official", "Fonctionnaire"),
        "non_government": _e("No gubernamental", "Non-government", "Non gouvernemental"),
        "unknown": _e("Desconocido", "Unknown", "Inconnu"),
    },
    "capacities": {
        "chair": _e("Presidente", "Chair", "Président"),
        "co_chair": _e("Copresidente", "Co-chair", "Coprésident"),
        "head_of_delegation": _e("Jefe de delegación", "Head of delegation", "Chef de délégation"),
        "speaker": _e("Orador", "Speaker", "Intervenant"),
        "panelist": _e("Panelista", "Panelist", "Panéliste"),
        "moderator": _e("Moderador", "Moderator", "Modérateur"),
        "participant": _e("Participante", "Participant", "Participant"),
    },
    "outcome_kinds": {
        "agreement": _e("Acuerdo", "Agreement", "Accord"),
        "commitment": _e("Compromiso", "Commitment", "Engagement"),
        "decision": _e("Decisión", "Decision", "Décision"),
        "announcement": _e("Anuncio", "Announcement", "Annonce"),
        "follow_up": _e("Seguimiento", "Follow-up", "Suivi"),
    },
    "confidence": {
        "high": _e("Alta (fuente oficial)", "High (official source)", "Élevée (source officielle)"),
        "medium": _e(
            "Media (prensa, secundaria)",
            "Medium (press, secondary)",
            "Moyenne (presse, secondaire)",
        ),
        "low": _e(
            "Baja (anunciado, inferido)", "Low (announced, inferred)", "Faible (annoncé, déduit)"
        ),
    },
    "party_roles": {
        "host": _e("Anfitrión", "Host", "Hôte"),
        "chair": _e("Presidencia", "Chair", "Présidence"),
        "participant": _e("Participante", "Participant", "Participant"),
    },
    "chapters": {
        "2": _e(
            "Cap. 2 Trato nacional y acceso de mercancías al mercado",
            "Ch. 2 National treatment and market access for goods",
            "Ch. 2 Traitement national et accès aux marchés pour les produits",
        ),
        "3": _e("Cap. 3 Agricultura", "Ch. 3 Agriculture", "Ch. 3 Agriculture"),
        "5": _e(
            "Cap. 5 Procedimientos de origen",
            "Ch. 5 Origin procedures",
            "Ch. 5 Procédures d'origine",
        ),
        "6": _e(
            "Cap. 6 Mercancías textiles y prendas de vestir",
            "Ch. 6 Textile and apparel goods",
            "Ch. 6 Produits textiles et vêtements",
        ),
        "7": _e(
            "Cap. 7 Administración aduanera y facilitación del comercio",
            "Ch. 7 Customs administration and trade facilitation",
            "Ch. 7 Administration des douanes et facilitation des échanges",
        ),
        "9": _e(
            "Cap. 9 Medidas sanitarias y fitosanitarias",
            "Ch. 9 Sanitary and phytosanitary measures",
            "Ch. 9 Mesures sanitaires et phytosanitaires",
        ),
        "16": _e(
            "Cap. 16 Entrada temporal de personas de negocios",
            "Ch. 16 Temporary entry for business persons",
            "Ch. 16 Admission temporaire des gens d'affaires",
        ),
        "17": _e(
            "Cap. 17 Servicios financieros",
            "Ch. 17 Financial services",
            "Ch. 17 Services financiers",
        ),
        "20": _e(
            "Cap. 20 Derechos de propiedad intelectual",
            "Ch. 20 Intellectual property rights",
            "Ch. 20 Droits de propriété intellectuelle",
        ),
        "22": _e(
            "Cap. 22 Empresas propiedad del Estado y monopolios designados",
            "Ch. 22 State-owned enterprises and designated monopolies",
            "Ch. 22 Entreprises d'État et monopoles désignés",
        ),
        "31": _e(
            "Cap. 31 Solución de controversias",
            "Ch. 31 Dispute settlement",
            "Ch. 31 Règlement des différends",
        ),
        "33": _e(
            "Cap. 33 Políticas macroeconómicas y tipo de cambio",
            "Ch. 33 Macroeconomic policies and exchange rate matters",
            "Ch. 33 Politiques macroéconomiques et taux de change",
        ),
        "11": _e(
            "Cap. 11 Obstáculos técnicos al comercio",
            "Ch. 11 Technical barriers to trade",
            "Ch. 11 Obstacles techniques au commerce",
        ),
        "23": _e("Cap. 23 Laboral", "Ch. 23 Labor", "Ch. 23 Travail"),
        "24": _e("Cap. 24 Medio ambiente", "Ch. 24 Environment", "Ch. 24 Environnement"),
        "25": _e("Cap. 25 PyMEs", "Ch. 25 SMEs", "Ch. 25 PME"),
        "26": _e("Cap. 26 Competitividad", "Ch. 26 Competitiveness", "Ch. 26 Compétitivité"),
        "28": _e(
            "Cap. 28 Buenas prácticas regulatorias",
            "Ch. 28 Good regulatory practices",
            "Ch. 28 Bonnes pratiques de réglementation",
        ),
        "30": _e(
            "Cap. 30 Disposiciones institucionales",
            "Ch. 30 Institutional provisions",
            "Ch. 30 Dispositions institutionnelles",
        ),
        "34": _e(
            "Cap. 34 Disposiciones finales (revisión)",
            "Ch. 34 Final provisions (review)",
            "Ch. 34 Dispositions finales (examen)",
        ),
    },
    "date_precision": {
        "day": _e("día", "day", "jour"),
        "month": _e("mes", "month", "mois"),
        "year": _e("año", "year", "année"),
    },
}
"""Labels of the codes the warehouse stores without labels; keys as in taxonomy.yaml."""

PLACE_NAMES: Final[tuple[Entry, ...]] = (
    _e("Ciudad de México", "Mexico City", "Ville de Mexico"),
    _e("Washington, D. C.", "Washington, D.C.", "Washington D.C."),
    _e(
        "Wilmington, Carolina del Norte",
        "Wilmington, North Carolina",
        "Wilmington, Caroline du Nord",
    ),
    _e("Nueva York", "New York", "New York"),
    _e("Quebec", "Quebec City", "Québec"),
    _e("Montreal", "Montreal", "Montréal"),
)
"""Places the records name, as each language writes them: a search for one finds the others."""


_FR_DE_PLACEHOLDER = re.compile(r"\bde \{(\w+)\}")
_VOWELS = "aeiouyàâäéèêëîïôöûùüÿæœ"


def fr_elide_de(text: str, values: Mapping[str, object]) -> str:
    """French ``de {name}`` written ``de l'{name}`` when the name filled in begins with a
    vowel ("la page de l'Examen conjoint"). Names here are institutions, which take the
    article; ``du``/``des`` before a consonant would need each name's gender and number."""

    def elided(match: re.Match[str]) -> str:
        value = str(values.get(match[1], "")).lstrip()
        return f"de l'{{{match[1]}}}" if value[:1].lower() in _VOWELS else match[0]

    return _FR_DE_PLACEHOLDER.sub(elided, text)


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (falling back to English), with ``values`` filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    if not values:
        return text
    if lang == "fr":
        text = fr_elide_de(text, values)
    return text.format(**values)


PLURAL_FORMS: Final = ("one", "other")
"""A count sentence is two catalogue entries, ``<key>#one`` and ``<key>#other``."""


def plural_form(lang: str, n: int) -> str:
    """CLDR's category for the integer ``n``: French counts 0 and 1 as singular ("0 événement"),
    Spanish and English only 1."""
    if lang == "fr":
        return "one" if abs(n) < 2 else "other"
    return "one" if n == 1 else "other"


def t_n(key: str, lang: str, n: int, **values: object) -> str:
    """The count sentence ``key`` for ``n`` in ``lang``: its singular or plural entry, with
    ``n`` and ``values`` filled in."""
    return t(f"{key}#{plural_form(lang, n)}", lang, n=n, **values)


def label_value(label: str, value: str, lang: str) -> str:
    """ "Label: value", as ``lang`` writes it (French puts a space before the colon)."""
    return t("label_value", lang, label=label, value=value)


def _file_word_runs(what: str) -> list[tuple[str, Entry | None]]:
    """``what``'s hyphenated tokens grouped into the longest runs that have an entry in
    :data:`FILE_WORDS` (with it), and the tokens that have none (codes, ids, with ``None``)."""
    tokens = what.lower().split("-")
    runs: list[tuple[str, Entry | None]] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            entry = FILE_WORDS.get("-".join(tokens[i:j]))
            if entry is not None:
                runs.append(("-".join(tokens[i:j]), entry))
                i = j
                break
        else:
            runs.append((tokens[i], None))
            i += 1
    return runs


def file_words(what: str, lang: str) -> str:
    """``what`` (hyphenated English words and codes: "events-over-time", "case-X-sources") in
    ``lang``'s words for a file name: the longest run of words with an entry in
    :data:`FILE_WORDS` is translated, codes and ids are kept."""
    return "-".join(run if entry is None else entry[lang] for run, entry in _file_word_runs(what))


def words_kept_in_file_name(what: str) -> list[str]:
    """The tokens of ``what`` that :func:`file_words` keeps as they are: they must be codes or
    ids, never an English word without an entry (tested over every download of every page)."""
    return [run for run, entry in _file_word_runs(what) if entry is None]


def column_headers(columns: list[str], lang: str) -> dict[str, str]:
    """Column name → header in ``lang`` for the columns the catalogue names; others keep
    their name."""
    return {c: t(c, lang) for c in columns if c in TEXT}


# Documents page and search (etl/documents.py, etl/search.py, warehouse/queries/search.sql).
TEXT.update(
    {
        "page_documents": _e("Documentos", "Documents", "Documents"),
        "documents_intro": _e(
            "Busque en los boletines y comunicados almacenados y en los registros de eventos. "
            "La búsqueda no distingue acentos ni mayúsculas y reconoce plurales.",
            "Search the stored bulletins and statements and the event records. Search ignores "
            "accents and case and understands plurals.",
            "Recherchez dans les bulletins et communiqués enregistrés et dans les fiches "
            "d'événements. La recherche ignore les accents et la casse et reconnaît les pluriels.",
        ),
        "documents_search": _e("Buscar", "Search", "Rechercher"),
        "documents_search_placeholder": _e(
            "p. ej. diálogo pyme, economía circular",
            "e.g. SME dialogue, circular economy",
            "p. ex. dialogue PME, économie circulaire",
        ),
        "documents_no_results": _e(
            "Ningún documento ni evento contiene «{query}».",
            "No document or event contains “{query}”.",
            "Aucun document ni événement ne contient « {query} ».",
        ),
        "documents_no_documents": _e(
            "El almacén no contiene documentos. Agregue archivos .txt, .pdf o .html a "
            "data/documents/ y reconstruya con `make build`.",
            "The warehouse holds no documents. Add .txt, .pdf or .html files to data/documents/ "
            "and rebuild with `make build`.",
            "L'entrepôt ne contient aucun document. Ajoutez des fichiers .txt, .pdf ou .html à "
            "data/documents/ puis reconstruisez avec `make build`.",
        ),
        "documents_kind_passage": _e(
            "Pasaje de documento", "Document passage", "Passage de document"
        ),
        "documents_kind_event": _e("Registro de evento", "Event record", "Fiche d'événement"),
        "documents_passage_of": _e(
            "Pasaje {passage_no} de «{title}»",
            "Passage {passage_no} of “{title}”",
            "Passage {passage_no} de « {title} »",
        ),
        "documents_matched_terms": _e("Términos encontrados", "Matched terms", "Termes trouvés"),
        "documents_score": _e("Relevancia (BM25)", "Relevance (BM25)", "Pertinence (BM25)"),
        "documents_cited_by": _e(
            "Eventos que citan este documento",
            "Events that cite this document",
            "Événements qui citent ce document",
        ),
        "documents_open_passage": _e("Ver el pasaje", "Show the passage", "Voir le passage"),
        "documents_open_event": _e("Ver el evento", "Show the event", "Voir l'événement"),
        "documents_supporting_passages": _e(
            "Pasajes que respaldan este registro",
            "Passages that support this record",
            "Passages qui appuient cette fiche",
        ),
        "documents_no_supporting_passages": _e(
            "Ningún documento almacenado respalda este registro.",
            "No stored document supports this record.",
            "Aucun document enregistré n'appuie cette fiche.",
        ),
        "documents_col_title": _e("Título", "Title", "Titre"),
        "documents_col_language": _e("Idioma", "Language", "Langue"),
        "documents_col_published": _e("Publicado", "Published", "Publié"),
        "documents_col_file": _e("Archivo", "File", "Fichier"),
        "documents_col_n_passages": _e("Pasajes", "Passages", "Passages"),
    }
)


# Institutions: the Bodies index, one page per body, evidence of activity per year
# (warehouse/derived/05_body_year_evidence.sql, dashboard/evidence.py).
CODE_LABELS.update(
    {
        "evidence": {
            "held_event": _e(
                "Reunión fechada celebrada", "Dated meeting held", "Réunion datée tenue"
            ),
            "reported_met": _e(
                "Un informe dice que se reunió",
                "A report says it met",
                "Un rapport indique qu'il s'est réuni",
            ),
            "reported_work": _e(
                "Un informe menciona su trabajo",
                "A report mentions its work",
                "Un rapport mentionne ses travaux",
            ),
            "none": _e("Nada conocido", "Nothing known", "Rien de connu"),
        },
        "claims": {
            "met": _e("se reunió", "met", "s'est réuni"),
            "reported": _e(
                "informó de su trabajo", "reported its work", "a rendu compte de ses travaux"
            ),
        },
    }
)
TEXT.update(
    {
        "page_bodies": _e("Órganos", "Bodies", "Organes"),
        "page_body": _e("Órgano", "Body", "Organe"),
        "all_records_note": _e(
            "Todos los registros: los filtros de la barra lateral no se aplican en esta sección.",
            "Every record: the sidebar filters do not apply in this section.",
            "Tous les enregistrements : les filtres de la barre latérale ne s'appliquent pas "
            "à cette section.",
        ),
        "evidence_coverage": _e(
            "Evidencia de actividad por órgano y año",
            "Evidence of activity by body and year",
            "Indices d'activité par organe et par année",
        ),
        "evidence_coverage_note": _e(
            "Cada cuadro muestra la evidencia más fuerte de ese año. Una franja rayada es solo "
            "un informe de varios años: el órgano actuó en algún momento de ese lapso, no "
            "necesariamente ese año. «Nada conocido» significa que ningún registro lo menciona, "
            "no que el órgano no se reunió. Haga clic en un cuadro para ver los registros detrás.",
            "Each square shows that year's strongest evidence. A hatched band is only a "
            "multi-year report: the body was active at some time in that span, not necessarily "
            "that year. “Nothing known” means no record mentions it, not that the body did not "
            "meet. Click a square to see the records behind it.",
            "Chaque carré montre l'indice le plus fort de l'année. Une bande hachurée n'est "
            "qu'un rapport pluriannuel : l'organe a été actif à un moment donné de cette "
            "période, pas forcément cette année-là. « Rien de connu » signifie "
            "qu'aucun enregistrement ne le mentionne, non que l'organe ne s'est pas réuni. "
            "Cliquez sur un carré pour voir les enregistrements qui le fondent.",
        ),
        "evidence_cell": _e("{body}, {year}", "{body}, {year}", "{body}, {year}"),
        "evidence_cell_nothing": _e(
            "Ningún registro menciona este órgano en {year}: nada se sabe, lo que no significa "
            "que no se reunió.",
            "No record mentions this body in {year}: nothing is known, which does not mean it "
            "did not meet.",
            "Aucun enregistrement ne mentionne cet organe en {year} : rien n'est connu, ce qui "
            "ne signifie pas qu'il ne s'est pas réuni.",
        ),
        "evidence_held": _e("Reuniones celebradas", "Meetings held", "Réunions tenues"),
        "evidence_met": _e(
            "Informes que dicen que se reunió",
            "Reports that say it met",
            "Rapports indiquant qu'il s'est réuni",
        ),
        "evidence_work": _e(
            "Informes que mencionan su trabajo",
            "Reports that mention its work",
            "Rapports mentionnant ses travaux",
        ),
        "open_body_page": _e(
            "Abrir la página de {body}", "Open the page of {body}", "Ouvrir la page de {body}"
        ),
        "body_page_link": _e("Página del órgano", "Body page", "Page de l'organe"),
        "body_choose": _e("Elija un órgano", "Choose a body", "Choisissez un organe"),
        "body_unknown": _e(
            "No hay ningún órgano con el código «{code}». Elija uno en la lista.",
            "There is no body with the code “{code}”. Choose one from the list.",
            "Aucun organe ne porte le code « {code} ». Choisissez-en un dans la liste.",
        ),
        "treaty_basis": _e(
            "Base en el tratado: capítulo {chapter}, artículo {article}",
            "Treaty basis: chapter {chapter}, article {article}",
            "Fondement dans l'accord : chapitre {chapter}, article {article}",
        ),
        "treaty_basis_chapter": _e(
            "Base en el tratado: capítulo {chapter} (artículo no indicado en las fuentes vistas)",
            "Treaty basis: chapter {chapter} (article not stated in the sources seen)",
            "Fondement dans l'accord : chapitre {chapter} (article non précisé dans les sources "
            "consultées)",
        ),
        "treaty_basis_none": _e(
            "Base en el tratado: no indicada en las fuentes vistas",
            "Treaty basis: not stated in the sources seen",
            "Fondement dans l'accord : non précisé dans les sources consultées",
        ),
        "body_known": _e(
            "Reuniones fechadas: {n_events} (celebradas: {n_held}) · informes que lo nombran: "
            "{n_reports} · última evidencia: {latest}.",
            "Dated meetings: {n_events} (held: {n_held}) · reports naming it: {n_reports} · "
            "latest evidence: {latest}.",
            "Réunions datées : {n_events} (tenues : {n_held}) · rapports qui le nomment : "
            "{n_reports} · dernier indice : {latest}.",
        ),
        "body_nothing_known": _e(
            "Ningún registro menciona todavía este órgano. Eso no significa que no se haya "
            "reunido.",
            "No record mentions this body yet. That does not mean it has not met.",
            "Aucun enregistrement ne mentionne encore cet organe. Cela ne signifie pas qu'il "
            "ne s'est pas réuni.",
        ),
        "evidence_strip": _e(
            "Evidencia de actividad por año",
            "Evidence of activity by year",
            "Indices d'activité par année",
        ),
        "body_meetings": _e("Reuniones fechadas", "Dated meetings", "Réunions datées"),
        "body_no_meetings": _e(
            "Ninguna reunión fechada de este órgano en los registros.",
            "No dated meeting of this body in the records.",
            "Aucune réunion datée de cet organe dans les enregistrements.",
        ),
        "body_timeline": _e(
            "Reuniones en el tiempo", "Meetings over time", "Réunions dans le temps"
        ),
        "body_reports": _e(
            "Informes que nombran este órgano",
            "Reports that name this body",
            "Rapports qui nomment cet organe",
        ),
        "body_no_reports": _e(
            "Ningún informe de actividad nombra este órgano.",
            "No activity report names this body.",
            "Aucun rapport d'activité ne nomme cet organe.",
        ),
        "report_quote_line": _e(
            "«{quote}» ({claim})", "“{quote}” ({claim})", "« {quote} » ({claim})"
        ),
        "report_meta": _e(
            "Publicado {published} · periodo {period} · confianza {confidence}",
            "Published {published} · period {period} · confidence {confidence}",
            "Publié {published} · période {period} · confiance {confidence}",
        ),
        "report_source": _e("Fuente de la cita", "Source of the quote", "Source de la citation"),
        "period_unstated": _e("no indicado", "not stated", "non précisé"),
        "hosts_chairs": _e(
            "Anfitriones y presidencias", "Hosts and chairs", "Hôtes et présidences"
        ),
        "outcomes_by_kind": _e("Resultados por tipo", "Outcomes by kind", "Résultats par type"),
        "body_topics": _e(
            "Temas de sus reuniones y actos",
            "Topics of its meetings and acts",
            "Thèmes de ses réunions et actes",
        ),
        "body_sources": _e("Fuentes", "Sources", "Sources"),
        "active_bodies": _e(
            "Órganos con evidencia de actividad por año",
            "Bodies with evidence of activity by year",
            "Organes avec indices d'activité par année",
        ),
        "active_bodies_note": _e(
            "Cada órgano cuenta una vez por año, en su evidencia más fuerte de ese año (reunión, "
            "informe de ese año o decisión). Un informe de varios años no hace activo a un "
            "órgano en ningún año: la línea punteada cuenta aparte esos órganos. Todos los "
            "registros: los filtros de la barra lateral no se aplican.",
            "Each body counts once a year, at its strongest evidence of that year (a meeting, a "
            "report of that year or a decision). A multi-year report makes no body active in "
            "any year: the dotted line counts those bodies apart. Every record: the sidebar "
            "filters do not apply.",
            "Chaque organe compte une fois par année, à son indice le plus fort de l'année "
            "(réunion, rapport de l'année ou décision). Un rapport pluriannuel ne rend aucun "
            "organe actif une année donnée : la ligne pointillée compte ces organes à part. "
            "Tous les enregistrements : les filtres de la barre latérale ne s'appliquent pas.",
        ),
        "summary_no_reports": _e(
            "Ningún informe de actividad cubre este periodo.",
            "No activity report covers this period.",
            "Aucun rapport d'activité ne couvre cette période.",
        ),
        "matching_reports": _e(
            "Informes de actividad que coinciden",
            "Matching activity reports",
            "Rapports d'activité correspondants",
        ),
        "documents_kind_report": _e(
            "Informe de actividad", "Activity report", "Rapport d'activité"
        ),
        # columns
        "latest_year": _e("Último año con evidencia", "Latest year known", "Dernière année connue"),
        "latest_evidence": _e("Última evidencia", "Latest evidence", "Dernier indice"),
        "evidence": _e("Evidencia", "Evidence", "Indice"),
        "n_years_known": _e("Años con evidencia", "Years with evidence", "Années avec indices"),
        "n_held_events": _e("Reuniones celebradas", "Meetings held", "Réunions tenues"),
        "n_reports": _e("Informes", "Reports", "Rapports"),
        "n_reports_met": _e("Informes: se reunió", "Reports: met", "Rapports : s'est réuni"),
        "n_reports_work": _e("Informes: su trabajo", "Reports: its work", "Rapports : ses travaux"),
        "held_event_ids": _e("Reuniones (ids)", "Meetings (ids)", "Réunions (ids)"),
        "met_report_ids": _e(
            "Informes «se reunió» (ids)", "“Met” reports (ids)", "Rapports « réuni » (ids)"
        ),
        "work_report_ids": _e(
            "Informes «su trabajo» (ids)", "“Work” reports (ids)", "Rapports « travaux » (ids)"
        ),
        "last_meeting_date": _e("Última reunión", "Last meeting", "Dernière réunion"),
        "n_meetings_held": _e("Reuniones celebradas", "Meetings held", "Réunions tenues"),
        "n_meetings": _e("Reuniones fechadas", "Dated meetings", "Réunions datées"),
        "last_report_date": _e("Último informe", "Last report", "Dernier rapport"),
        "n_follow_ups": _e("Seguimientos", "Follow-ups", "Suivis"),
        "n_bodies": _e("Órganos", "Bodies", "Organes"),
        "bodies_named": _e("Órganos nombrados", "Bodies named", "Organes nommés"),
        "report_id": _e("Id del informe", "Report id", "Id du rapport"),
        "claim": _e("Afirmación", "Claim", "Affirmation"),
        "quote": _e("Cita", "Quote", "Citation"),
        "claim_text": _e("Frase del informe", "Report's sentence", "Phrase du rapport"),
        "period_covered": _e("Periodo cubierto", "Period covered", "Période couverte"),
        "quote_url": _e("Fuente de la cita", "Source of the quote", "Source de la citation"),
        "quote_publisher": _e("Editor de la cita", "Quote's publisher", "Éditeur de la citation"),
        "record_kind": _e("Registro", "Record", "Enregistrement"),
        "record_id": _e("Id", "Id", "Id"),
        "record_date": _e("Fecha del registro", "Record date", "Date de l'enregistrement"),
        "body_page": _e("Página del órgano", "Body page", "Page de l'organe"),
        "record_kinds_event": _e("Evento", "Event", "Événement"),
        "record_kinds_report": _e("Informe", "Report", "Rapport"),
    }
)


# Evidence in a year is evidence of that year (data/README.md, "how to count"): a decision
# adopted is a level of its own; a report spanning several years is evidence for the span only,
# drawn and said as a span, never as a year's activity (warehouse/derived/04_report_periods.sql,
# 05_body_year_evidence.sql, dashboard/evidence.py); the Summary counts only reports whose
# period lies within the chosen years.
CODE_LABELS["evidence"].update(
    {
        "decision_adopted": _e(
            "Decisión adoptada (sin reunión conocida)",
            "Decision adopted (no known meeting)",
            "Décision adoptée (sans réunion connue)",
        ),
        "reported_span": _e(
            "Solo un informe de varios años (un lapso, no el año)",
            "Only a multi-year report (a span, not the year)",
            "Seulement un rapport pluriannuel (une période, non l'année)",
        ),
    }
)
TEXT.update(
    {
        "evidence_span_met": _e(
            "El órgano se reunió en algún momento entre {start} y {end}: evidencia de ese "
            "lapso, no de {year}.",
            "The body met at some time between {start} and {end}: evidence for that span, not "
            "for {year}.",
            "L'organe s'est réuni à un moment donné entre {start} et {end} : indice pour cette "
            "période, non pour {year}.",
        ),
        "evidence_span_work": _e(
            "El órgano informó de su trabajo en algún momento entre {start} y {end}: evidencia "
            "de ese lapso, no de {year}.",
            "The body reported its work at some time between {start} and {end}: evidence for "
            "that span, not for {year}.",
            "L'organe a rendu compte de ses travaux à un moment donné entre {start} et {end} : "
            "indice pour cette période, non pour {year}.",
        ),
        "body_latest_span_met": _e(
            "solo un informe de varios años: se reunió en algún momento entre {start} y {end}",
            "only a multi-year report: it met at some time between {start} and {end}",
            "seulement un rapport pluriannuel : il s'est réuni à un moment donné entre {start} "
            "et {end}",
        ),
        "body_latest_span_work": _e(
            "solo un informe de varios años: informó de su trabajo en algún momento entre "
            "{start} y {end}",
            "only a multi-year report: it reported its work at some time between {start} and {end}",
            "seulement un rapport pluriannuel : il a rendu compte de ses travaux à un moment "
            "donné entre {start} et {end}",
        ),
        "evidence_decisions": _e("Decisiones adoptadas", "Decisions adopted", "Décisions adoptées"),
        "evidence_span_met_ids": _e(
            "Informes de varios años que dicen que se reunió",
            "Multi-year reports that say it met",
            "Rapports pluriannuels indiquant qu'il s'est réuni",
        ),
        "evidence_span_work_ids": _e(
            "Informes de varios años que mencionan su trabajo",
            "Multi-year reports that mention its work",
            "Rapports pluriannuels mentionnant ses travaux",
        ),
        "active_bodies_span_only": _e(
            "Conocidos solo por un informe de varios años (no cuentan como activos)",
            "Known only from a multi-year report (not counted as active)",
            "Connus seulement par un rapport pluriannuel (non comptés comme actifs)",
        ),
        # columns
        "n_decisions": _e("Decisiones adoptadas", "Decisions adopted", "Décisions adoptées"),
        "decision_event_ids": _e("Decisiones (ids)", "Decisions (ids)", "Décisions (ids)"),
        "n_span_reports_met": _e(
            "Informes de varios años: se reunió",
            "Multi-year reports: met",
            "Rapports pluriannuels : s'est réuni",
        ),
        "n_span_reports_work": _e(
            "Informes de varios años: su trabajo",
            "Multi-year reports: its work",
            "Rapports pluriannuels : ses travaux",
        ),
        "span_met_report_ids": _e(
            "Informes de varios años «se reunió» (ids)",
            "Multi-year “met” reports (ids)",
            "Rapports pluriannuels « réuni » (ids)",
        ),
        "span_work_report_ids": _e(
            "Informes de varios años «su trabajo» (ids)",
            "Multi-year “work” reports (ids)",
            "Rapports pluriannuels « travaux » (ids)",
        ),
        "span_from": _e("Inicio del lapso", "Span from", "Début de la période"),
        "span_to": _e("Fin del lapso", "Span to", "Fin de la période"),
        "latest_span": _e(
            "Lapso del informe de varios años",
            "Span of the multi-year report",
            "Période du rapport pluriannuel",
        ),
        # The Summary's reported activity: unit (bodies), claim (met; reported work), time (at
        # some time in the chosen years), and the reports counted (those wholly within them).
        "summary_reported_within": _e(
            "En el periodo {years}, {met} en algún momento y {work}, según {reports}.",
            "In the period {years}, {met} at some time and {work}, according to {reports}.",
            "Sur la période {years}, {met} à un moment donné et {work}, selon {reports}.",
        ),
        "summary_reported_within_met#one": _e(
            "{n} órgano se reunió", "{n} body met", "{n} organe s'est réuni"
        ),
        "summary_reported_within_met#other": _e(
            "{n} órganos se reunieron", "{n} bodies met", "{n} organes se sont réunis"
        ),
        "summary_reported_within_work#one": _e(
            "{n} más informó de su trabajo sin decir que se reunió",
            "{n} more reported its work without saying it met",
            "{n} autre a rendu compte de ses travaux sans dire qu'il s'était réuni",
        ),
        "summary_reported_within_work#other": _e(
            "{n} más informaron de su trabajo sin decir que se reunieron",
            "{n} more reported their work without saying they met",
            "{n} autres ont rendu compte de leurs travaux sans dire qu'ils s'étaient réunis",
        ),
        "summary_reported_within_reports#one": _e(
            "{n} informe de actividad cuyo periodo cae por completo dentro de él",
            "{n} activity report whose period lies wholly within it",
            "{n} rapport d'activité dont la période s'y inscrit entièrement",
        ),
        "summary_reported_within_reports#other": _e(
            "{n} informes de actividad cuyos periodos caen por completo dentro de él",
            "{n} activity reports whose periods lie wholly within it",
            "{n} rapports d'activité dont les périodes s'y inscrivent entièrement",
        ),
        "summary_reported_beyond#one": _e(
            "{n} informe más cubre un periodo que rebasa {years}: no se cuenta aquí.",
            "{n} more report covers a period reaching beyond {years}: it is not counted here.",
            "{n} autre rapport couvre une période qui dépasse {years} : il n'est pas compté ici.",
        ),
        "summary_reported_beyond#other": _e(
            "{n} informes más cubren periodos que rebasan {years}: no se cuentan aquí.",
            "{n} more reports cover periods reaching beyond {years}: they are not counted here.",
            "{n} autres rapports couvrent des périodes qui dépassent {years} : ils ne sont pas "
            "comptés ici.",
        ),
        "summary_reported_none_within": _e(
            "Ningún informe de actividad tiene un periodo que caiga por completo dentro de "
            "{years}.",
            "No activity report has a period lying wholly within {years}.",
            "Aucun rapport d'activité n'a de période entièrement comprise dans {years}.",
        ),
    }
)

# Drafts page
TEXT.update(
    {
        "page_drafts": _e("Borradores", "Drafts", "Ébauches"),
        "drafts_intro": _e(
            "Suba un boletín o comunicado: se redactan el registro del evento y, si lo hay, el "
            "informe de actividad, cada campo con su evidencia resaltada en el texto. Corrija "
            "los campos, revise los problemas y descargue el YAML para agregarlo a data/. El "
            "servidor no guarda ni escribe nada.",
            "Upload a bulletin or statement: the event record and, if there is one, the "
            "activity report are drafted, each field with its evidence highlighted in the text. "
            "Correct the fields, check the problems and download the YAML to add to data/. The "
            "server stores and writes nothing.",
            "Téléversez un bulletin ou une déclaration : la fiche de l'événement et, s'il y a "
            "lieu, le rapport d'activité sont ébauchés, chaque champ avec sa preuve surlignée "
            "dans le texte. Corrigez les champs, vérifiez les problèmes et téléchargez le YAML "
            "à ajouter à data/. Le serveur ne conserve et n'écrit rien.",
        ),
        "drafts_upload": _e(
            "Documento (.txt, .pdf, .html; máx. {limit} MB)",
            "Document (.txt, .pdf, .html; at most {limit} MB)",
            "Document (.txt, .pdf, .html; {limit} Mo au plus)",
        ),
        "drafts_waiting": _e(
            "Suba un documento para ver sus borradores.",
            "Upload a document to see its drafts.",
            "Téléversez un document pour voir ses ébauches.",
        ),
        "drafts_too_large": _e(
            "«{name}» pesa {size} MB; el límite es {limit} MB. Suba solo el comunicado o "
            "extraiga las páginas que lo contienen.",
            "“{name}” is {size} MB; the limit is {limit} MB. Upload the statement alone, or "
            "extract the pages that hold it.",
            "« {name} » fait {size} Mo ; la limite est de {limit} Mo. Téléversez la "
            "déclaration seule, ou extrayez les pages qui la contiennent.",
        ),
        "drafts_bad_type": _e(
            "«{name}» no es un documento admitido (se esperaba {types}).",
            "“{name}” is not a supported document (expected {types}).",
            "« {name} » n'est pas un document pris en charge ({types} attendus).",
        ),
        "drafts_unreadable": _e(
            "No se pudo leer el documento: {reason}",
            "The document could not be read: {reason}",
            "Le document n'a pas pu être lu : {reason}",
        ),
        "drafts_no_taxonomy": _e(
            "No se encontró una taxonomía válida en {path}.",
            "No valid taxonomy was found in {path}.",
            "Aucune taxonomie valide dans {path}.",
        ),
        "drafts_nothing": _e(
            "No se redactó nada: {reason}",
            "Nothing was drafted: {reason}",
            "Rien n'a été ébauché : {reason}",
        ),
        "drafts_no_event": _e(
            "Sin evento (solo un informe de actividad): {reason}",
            "No event (an activity report only): {reason}",
            "Aucun événement (un rapport d'activité seulement) : {reason}",
        ),
        "drafts_record": _e("Registro", "Record", "Fiche"),
        "drafts_kind_event": _e("Evento", "Event", "Événement"),
        "drafts_kind_report": _e("Informe de actividad", "Activity report", "Rapport d'activité"),
        "drafts_fields": _e("Campos", "Fields", "Champs"),
        "drafts_text": _e(
            "Texto con la evidencia resaltada",
            "Text with the evidence highlighted",
            "Texte avec les preuves surlignées",
        ),
        "drafts_focus": _e(
            "Resaltar la evidencia de", "Highlight the evidence of", "Surligner la preuve de"
        ),
        "drafts_all_fields": _e("todos los campos", "every field", "tous les champs"),
        "drafts_evidence": _e("Evidencia", "Evidence", "Preuves"),
        "drafts_unfilled": _e(
            "Vacíos (el texto no lo dice): {fields}",
            "Left empty (the text does not say): {fields}",
            "Laissés vides (le texte ne le dit pas) : {fields}",
        ),
        "drafts_valid": _e(
            "El registro es válido: muévalo a data/{folder}/{file}.",
            "The record is valid: move it into data/{folder}/{file}.",
            "La fiche est valide : placez-la dans data/{folder}/{file}.",
        ),
        "drafts_download_yaml": _e("Descargar YAML", "Download YAML", "Télécharger le YAML"),
        "drafts_download_evidence": _e(
            "Descargar la evidencia", "Download the evidence", "Télécharger les preuves"
        ),
        "drafts_none_option": _e("— (no consta)", "— (not stated)", "— (non indiqué)"),
        "drafts_partial_help": _e(
            "AAAA-MM-DD, o parcial: AAAA-MM o AAAA",
            "YYYY-MM-DD, or partial: YYYY-MM or YYYY",
            "AAAA-MM-JJ, ou partielle : AAAA-MM ou AAAA",
        ),
        "drafts_body_entry": _e("Órgano {n}", "Body {n}", "Organe {n}"),
        "drafts_keep": _e("Conservar", "Keep", "Conserver"),
        "drafts_claim_met": _e("se reunió", "met", "s'est réuni"),
        "drafts_claim_reported": _e("informó", "reported", "a rendu compte"),
        "drafts_f_id": _e("Identificador", "Id", "Identifiant"),
        "drafts_f_body": _e("Órgano", "Body", "Organe"),
        "drafts_f_kind": _e("Tipo", "Kind", "Type"),
        "drafts_f_edition": _e("Edición", "Edition", "Édition"),
        "drafts_f_title_en": _e("Título (inglés)", "Title (English)", "Titre (anglais)"),
        "drafts_f_title_es": _e("Título (español)", "Title (Spanish)", "Titre (espagnol)"),
        "drafts_f_start_date": _e("Inicio", "Start", "Début"),
        "drafts_f_end_date": _e("Fin", "End", "Fin"),
        "drafts_f_status": _e("Estado", "Status", "Statut"),
        "drafts_f_format": _e("Formato", "Format", "Format"),
        "drafts_f_city": _e("Ciudad", "City", "Ville"),
        "drafts_f_host_party": _e("Anfitrión", "Host", "Hôte"),
        "drafts_f_chair_party": _e("Presidencia", "Chair", "Présidence"),
        "drafts_f_topics": _e("Temas", "Topics", "Thèmes"),
        "drafts_f_confidence": _e("Confianza", "Confidence", "Confiance"),
        "drafts_f_reported_at": _e(
            "Evento en que se emitió (id)",
            "Event it was made at (id)",
            "Événement où elle a été faite (id)",
        ),
        "drafts_f_published": _e("Publicado", "Published", "Publié"),
        "drafts_f_period_start": _e("Periodo: desde", "Period: from", "Période : du"),
        "drafts_f_period_end": _e("Periodo: hasta", "Period: to", "Période : au"),
        "drafts_f_n_bodies_stated": _e(
            "Órganos que dice el texto (número)",
            "Bodies the text counts (number)",
            "Organes que le texte compte (nombre)",
        ),
        "drafts_f_claim_text": _e(
            "Frase de la afirmación (copiada exacta)",
            "Claim sentence (copied exactly)",
            "Phrase de l'affirmation (copiée telle quelle)",
        ),
        "drafts_f_claim": _e("Afirmación", "Claim", "Affirmation"),
        "drafts_f_quote": _e(
            "Cita (palabras que lo nombran)",
            "Quote (the words naming it)",
            "Citation (les mots qui le nomment)",
        ),
    }
)


# Enforcement cases in exports (the Cases page's and case page's workbooks, the briefing pack).
TEXT.update(
    {
        "sector_code": _e("Sector", "Sector", "Secteur"),
        "is_concluded": _e("Concluido", "Concluded", "Conclue"),
        "request_precision": _e(
            "Precisión de la fecha de solicitud",
            "Request date precision",
            "Précision de la date de demande",
        ),
        "latest_step_precision": _e(
            "Precisión de la fecha del último paso",
            "Latest step's date precision",
            "Précision de la date de la dernière étape",
        ),
        "panel_requested_date": _e(
            "Solicitud de panel", "Panel requested", "Demande de groupe spécial"
        ),
        "resolution_date": _e("Resolución", "Resolution", "Résolution"),
        "third_parties": _e("Terceros", "Third parties", "Tierces parties"),
        "topic_codes": _e("Temas del caso", "Case topics", "Thèmes de l'affaire"),
        "request_year": _e("Año de solicitud", "Request year", "Année de la demande"),
        "days_to_resolution": _e(
            "Días hasta la resolución", "Days to resolution", "Jours jusqu'à la résolution"
        ),
        "subject_es": _e("Asunto (español)", "Subject (Spanish)", "Objet (espagnol)"),
        "outcome_en": _e("Resultado (inglés)", "Outcome", "Résultat (anglais)"),
        "n_milestones": _e("Hitos", "Milestones", "Jalons"),
        "milestone_no": _e("Hito n.º", "Milestone no.", "Jalon n°"),
        "count_no": _e("Total n.º", "Count no.", "Total n°"),
        "stated_as_of": _e("Declarado al", "Stated as of", "Déclaré au"),
        "stated_as_of_precision": _e(
            "Precisión de «declarado al»", "Stated as of: precision", "Précision de « déclaré au »"
        ),
        "published_precision": _e(
            "Precisión de la publicación",
            "Publication date precision",
            "Précision de la publication",
        ),
        "as_of_end": _e(
            "Fin del periodo declarado", "End of stated period", "Fin de la période déclarée"
        ),
        "case_ids": _e("Casos contados", "Cases counted", "Affaires comptées"),
        "cases_download_sources": _e(
            "Fuentes de estos casos", "Sources of these cases", "Sources de ces affaires"
        ),
        "cases_workbook_filters": _e(
            "Filtros de los casos", "Case filters", "Filtres des affaires"
        ),
        "report_cases": _e("Casos de aplicación", "Enforcement cases", "Affaires d'application"),
        "report_cases_stated_elsewhere": _e(
            "Los totales que declaran los gobiernos y los observatorios, junto a los casos "
            "registrados, están en la página Casos.",
            "The totals that governments and trackers state, beside the cases recorded, are "
            "on the Cases page.",
            "Les totaux déclarés par les gouvernements et les observatoires, à côté des "
            "affaires enregistrées, sont sur la page Affaires.",
        ),
    }
)


# Record text that is not in the interface language is marked, never silently mixed.
TEXT.update(
    {
        "title_in_english": _e("{title} (en inglés)", "{title}", "{title} (en anglais)"),
        "record_text_language": _e(
            "Los títulos sin versión española, las notas, los resultados y los cargos están en "
            "el idioma de sus fuentes, casi siempre inglés; los títulos en inglés llevan "
            "«(en inglés)».",
            "Titles, notes, outcomes and roles are in the language of their sources, almost "
            "always English.",
            "Les titres, notes, résultats et fonctions sont dans la langue de leurs sources, le "
            "plus souvent l'anglais : les enregistrements n'ont pas de version française.",
        ),
    }
)


# Enforcement cases: period rules, sheet titles (an Excel sheet name holds 31 characters),
# the case page's link and related meetings, and the code lists of case exports
# (dashboard.cases.CODED).
TEXT.update(
    {
        "cases_period_rule": _e(
            "Periodo de los casos", "Period of the cases", "Période des affaires"
        ),
        "cases_rule_request": _e(
            "casos cuya solicitud cae en el periodo",
            "cases whose request falls in the period",
            "affaires dont la demande tombe dans la période",
        ),
        "cases_rule_resolved": _e(
            "casos resueltos o cerrados en el periodo",
            "cases resolved or closed in the period",
            "affaires réglées ou closes pendant la période",
        ),
        "cases_rule_activity": _e(
            "casos iniciados, resueltos o cerrados en el periodo",
            "cases opened, resolved or closed in the period",
            "affaires engagées, réglées ou closes pendant la période",
        ),
        "cases_sheet_by_mechanism": _e("Por mecanismo", "By mechanism", "Par mécanisme"),
        "cases_sheet_by_complainant": _e("Por reclamante", "By complainant", "Par plaignante"),
        "cases_sheet_by_respondent": _e("Por demandada", "By respondent", "Par défenderesse"),
        "cases_sheet_by_sector": _e("Por sector", "By sector", "Par secteur"),
        "cases_sheet_by_status": _e("Por estado", "By status", "Par statut"),
        "cases_sheet_by_year": _e("Por año de solicitud", "By year of request", "Par année"),
        "cases_sheet_stated": _e("Totales declarados", "Stated totals", "Totaux déclarés"),
        "cases_sheet_milestones": _e("Hitos", "Milestones", "Étapes"),
        "cases_sheet_open": _e("Casos no concluidos", "Cases not concluded", "Affaires en cours"),
        "cases_sheet_resolution": _e(
            "Días hasta la resolución", "Days to resolution", "Jours jusqu'au règlement"
        ),
        "cases_sheet_cases": _e("Casos", "Cases", "Affaires"),
        "cases_sheet_sources": _e("Fuentes", "Sources", "Sources"),
        "case_sheet_chronology": _e("Cronología", "Chronology", "Chronologie"),
        "case_sheet_related": _e("Reuniones relacionadas", "Related meetings", "Réunions liées"),
        "case_sheet_sources": _e("Fuentes", "Sources", "Sources"),
        "cases_open_event": _e(
            "Abrir este evento en la página Eventos",
            "Open this event on the Events page",
            "Ouvrir cet événement sur la page Événements",
        ),
        "event_status": _e("Estado del evento", "Event status", "Statut de l'événement"),
        "codebook_yes_no": _e("Sí o no", "Yes or no", "Oui ou non"),
        "codebook_languages": _e("Idiomas", "Languages", "Langues"),
        "codebook_stated_kinds": _e(
            "Tipos de total declarado", "Kinds of stated total", "Types de total déclaré"
        ),
    }
)
CODE_LABELS.update(
    {
        "yes_no": {
            "true": _e("sí", "yes", "oui"),
            "false": _e("no", "no", "non"),
        },
        "languages": {
            "es": _e("español", "Spanish", "espagnol"),
            "en": _e("inglés", "English", "anglais"),
            "fr": _e("francés", "French", "français"),
        },
        "stated_kinds": {
            kind: {
                lang: words.removeprefix("{n} ")
                for lang, words in TEXT[f"cases_count_{kind}#other"].items()
            }
            for kind in (
                "rrm_requests",
                "rrm_panels",
                "rrm_resolutions",
                "rrm_workers",
                "usmca_disputes",
                "other",
            )
        },
    }
)
# Count sentences (one entry per plural form, see t_n), placeholders of the selection widgets
# and tables, and the words of download file names.
TEXT.update(
    {
        "n_shown#one": _e("{n} evento", "{n} event", "{n} événement"),
        "cases_days_open_value#one": _e(
            "sin concluir: {n} día al {built_on}",
            "not concluded: {n} day as of {built_on}",
            "non conclue : {n} jour au {built_on}",
        ),
        "cases_days_open_value#other": _e(
            "sin concluir: {n} días al {built_on}",
            "not concluded: {n} days as of {built_on}",
            "non conclue : {n} jours au {built_on}",
        ),
        "n_shown#other": _e("{n} eventos", "{n} events", "{n} événements"),
        "report_n_matching#one": _e(
            "{n} evento coincide con los filtros y la búsqueda.",
            "{n} event matches the filters and the search.",
            "{n} événement correspond aux filtres et à la recherche.",
        ),
        "report_n_matching#other": _e(
            "{n} eventos coinciden con los filtros y la búsqueda.",
            "{n} events match the filters and the search.",
            "{n} événements correspondent aux filtres et à la recherche.",
        ),
        "documents_n_results#one": _e(
            "{n} resultado para «{query}»",
            "{n} result for “{query}”",
            "{n} résultat pour « {query} »",
        ),
        "documents_n_results#other": _e(
            "{n} resultados para «{query}»",
            "{n} results for “{query}”",
            "{n} résultats pour « {query} »",
        ),
        "summary_held#one": _e(
            "{n} reunión celebrada", "{n} meeting was held", "{n} réunion a été tenue"
        ),
        "summary_held#other": _e(
            "{n} reuniones celebradas", "{n} meetings were held", "{n} réunions ont été tenues"
        ),
        "summary_recorded#one": _e(
            "{n} reunión registrada", "{n} meeting was recorded", "{n} réunion a été recensée"
        ),
        "summary_recorded#other": _e(
            "{n} reuniones registradas",
            "{n} meetings were recorded",
            "{n} réunions ont été recensées",
        ),
        "trends_acts_apart#one": _e(
            "{n} acto fechado que no es una reunión (decisión o consulta pública) coincide con "
            "los filtros: no se cuenta aquí; está en la página Eventos.",
            "{n} dated act that is not a meeting (a decision or a public consultation) matches "
            "the filters: it is not counted here; it is on the Events page.",
            "{n} acte daté qui n'est pas une réunion (décision ou consultation publique) "
            "correspond aux filtres : il n'est pas compté ici ; il figure à la page Événements.",
        ),
        "trends_acts_apart#other": _e(
            "{n} actos fechados que no son reuniones (decisiones o consultas públicas) coinciden "
            "con los filtros: no se cuentan aquí; están en la página Eventos.",
            "{n} dated acts that are not meetings (decisions or public consultations) match the "
            "filters: they are not counted here; they are on the Events page.",
            "{n} actes datés qui ne sont pas des réunions (décisions ou consultations publiques) "
            "correspondent aux filtres : ils ne sont pas comptés ici ; ils figurent à la page "
            "Événements.",
        ),
        "summary_n_acts#one": _e(
            "{n} acto fechado que no es una reunión",
            "{n} dated act that is not a meeting",
            "{n} acte daté qui n'est pas une réunion",
        ),
        "summary_n_acts#other": _e(
            "{n} actos fechados que no son reuniones",
            "{n} dated acts that are not meetings",
            "{n} actes datés qui ne sont pas des réunions",
        ),
        "summary_bodies#one": _e("en {n} órgano", "across {n} body", "dans {n} organe"),
        "summary_bodies#other": _e("en {n} órganos", "across {n} bodies", "dans {n} organes"),
        "summary_no_host#one": _e(
            "{n} sin anfitrión registrado",
            "{n} without a recorded host",
            "{n} sans hôte enregistré",
        ),
        "summary_no_host#other": _e(
            "{n} sin anfitrión registrado",
            "{n} without a recorded host",
            "{n} sans hôte enregistré",
        ),
        "follow_ups_note#one": _e(
            "{n} seguimiento registrado (tipo «{kind}»).",
            "{n} follow-up recorded (kind “{kind}”).",
            "{n} suivi enregistré (type « {kind} »).",
        ),
        "follow_ups_note#other": _e(
            "{n} seguimientos registrados (tipo «{kind}»).",
            "{n} follow-ups recorded (kind “{kind}”).",
            "{n} suivis enregistrés (type « {kind} »).",
        ),
        "drafts_problems#one": _e(
            "{n} problema según el verificador del ETL:",
            "{n} problem found by the ETL's checker:",
            "{n} problème relevé par le vérificateur de l'ETL :",
        ),
        "drafts_problems#other": _e(
            "{n} problemas según el verificador del ETL:",
            "{n} problems found by the ETL's checker:",
            "{n} problèmes relevés par le vérificateur de l'ETL :",
        ),
        "bodies_intro#one": _e(
            "El único órgano del tratado ({n}) y lo último que se sabe de él: una reunión "
            "fechada o un informe que dice que se reunió o que informó de su trabajo.",
            "The agreement's {n} body and the latest that is known of it: a dated meeting, or "
            "a report that says it met or reported its work.",
            "L'organe de l'accord ({n}) et ce que l'on sait de plus récent sur lui : une réunion "
            "datée, ou un rapport qui indique qu'il s'est réuni ou a rendu compte de ses travaux.",
        ),
        "bodies_intro#other": _e(
            "Los {n} órganos del tratado y lo último que se sabe de cada uno: una reunión "
            "fechada o un informe que dice que se reunió o que informó de su trabajo.",
            "The agreement's {n} bodies and the latest that is known of each: a dated meeting, "
            "or a report that says it met or reported its work.",
            "Les {n} organes de l'accord et ce que l'on sait de plus récent sur chacun : une "
            "réunion datée, ou un rapport qui indique qu'il s'est réuni ou a rendu compte de "
            "ses travaux.",
        ),
        "report_cases_scope#one": _e(
            "{n} caso registrado con solicitud, resolución o cierre en el periodo ({opened}; "
            "{resolved}), de las Partes y temas elegidos (los demás filtros no se aplican a los "
            "casos); su texto está en inglés.",
            "{n} case recorded with a request, a resolution or a closure in the period "
            "({opened}; {resolved}), of the Parties and topics chosen (the other filters do not "
            "apply to cases).",
            "{n} affaire enregistrée dont la demande, le règlement ou la clôture tombe dans la "
            "période ({opened} ; {resolved}), des Parties et thèmes choisis (les autres filtres "
            "ne s'appliquent pas aux affaires) ; son texte est en anglais.",
        ),
        "report_cases_scope#other": _e(
            "{n} casos registrados con solicitud, resolución o cierre en el periodo ({opened}; "
            "{resolved}), de las Partes y temas elegidos (los demás filtros no se aplican a los "
            "casos); su texto está en inglés.",
            "{n} cases recorded with a request, a resolution or a closure in the period "
            "({opened}; {resolved}), of the Parties and topics chosen (the other filters do not "
            "apply to cases).",
            "{n} affaires enregistrées dont la demande, le règlement ou la clôture tombe dans la "
            "période ({opened} ; {resolved}), des Parties et thèmes choisis (les autres filtres "
            "ne s'appliquent pas aux affaires) ; leur texte est en anglais.",
        ),
        "body_timeline_per_year#one": _e(
            "Reuniones por año y estado ({n} reunión)",
            "Meetings per year and status ({n} meeting)",
            "Réunions par année et par statut ({n} réunion)",
        ),
        "body_timeline_per_year#other": _e(
            "Reuniones por año y estado ({n} reuniones: demasiadas para dibujarlas una por una)",
            "Meetings per year and status ({n} meetings: too many to draw one by one)",
            "Réunions par année et par statut ({n} réunions : trop pour les dessiner une à une)",
        ),
        "cases_summary_line": _e(
            "Casos de aplicación: {opened}, {resolved}; {open_end}.",
            "Enforcement cases: {opened}, {resolved}; {open_end}.",
            "Affaires d'application : {opened}, {resolved} ; {open_end}.",
        ),
        "cases_opened#one": _e(
            "{n} iniciado en el periodo",
            "{n} opened in the period",
            "{n} engagée pendant la période",
        ),
        "cases_opened#other": _e(
            "{n} iniciados en el periodo",
            "{n} opened in the period",
            "{n} engagées pendant la période",
        ),
        "cases_resolved#one": _e(
            "{n} resuelto o cerrado en el periodo",
            "{n} resolved or closed in the period",
            "{n} réglée ou close pendant la période",
        ),
        "cases_resolved#other": _e(
            "{n} resueltos o cerrados en el periodo",
            "{n} resolved or closed in the period",
            "{n} réglées ou closes pendant la période",
        ),
        "cases_open_at_end#one": _e(
            "{n} caso seguía abierto al cierre del periodo",
            "{n} case still open at the period's end",
            "{n} affaire encore ouverte à la fin de la période",
        ),
        "cases_open_at_end#other": _e(
            "{n} casos seguían abiertos al cierre del periodo",
            "{n} cases still open at the period's end",
            "{n} affaires encore ouvertes à la fin de la période",
        ),
        "cases_choose": _e("Elija un caso", "Choose a case", "Choisissez une affaire"),
        "no_results": _e("Sin resultados", "No results", "Aucun résultat"),
    }
)


# Stated totals beside the records (dashboard/stated.py): the Cases page's charts and table,
# the Summary's and the briefing pack's sentence, and month names for its period.
TEXT.update(
    {
        "stated_chart_title": _e(
            "Declarado y registrado: {kind}",
            "Stated and recorded: {kind}",
            "Déclaré et enregistré : {kind}",
        ),
        "stated_points": _e(
            "Total declarado por una fuente, a su fecha de corte",
            "Total a source states, at its as-of date",
            "Total déclaré par une source, à sa date de référence",
        ),
        "stated_points_published": _e(
            "Total declarado sin fecha de corte, a su fecha de publicación",
            "Total stated with no as-of date, at its publication date",
            "Total déclaré sans date de référence, à sa date de publication",
        ),
        "stated_records_line": _e(
            "Casos registrados del mismo alcance (acumulado)",
            "Cases recorded of the same scope (running count)",
            "Affaires enregistrées de même portée (cumul)",
        ),
        "stated_click_hint": _e(
            "Haga clic en un punto para obtener el enlace a su fuente.",
            "Click a point to get the link to its source.",
            "Cliquez sur un point pour obtenir le lien vers sa source.",
        ),
        "stated_open_source": _e(
            "Abrir la fuente: {publisher}",
            "Open the source: {publisher}",
            "Ouvrir la source : {publisher}",
        ),
        "stated_undated#one": _e(
            "{n} declaración sin fecha está solo en la tabla.",
            "{n} statement without a date is in the table only.",
            "{n} déclaration sans date ne figure que dans le tableau.",
        ),
        "stated_undated#other": _e(
            "{n} declaraciones sin fecha están solo en la tabla.",
            "{n} statements without a date are in the table only.",
            "{n} déclarations sans date ne figurent que dans le tableau.",
        ),
        "stated_table_heading": _e(
            "Todas las declaraciones", "Every statement", "Toutes les déclarations"
        ),
        "quotation": _e("Cita", "Quotation", "Citation"),
        "n_records_to_date": _e(
            "Registros del mismo alcance, a la fecha",
            "Records of the same scope, to date",
            "Enregistrements de même portée, à ce jour",
        ),
        "stated_range#one": _e(
            "{n} solicitud del MLRR registrada a la fecha, en todos los periodos; "
            "las fuentes declaran {stated} ({statements}, {period})",
            "{n} RRM request recorded to date, over all periods; sources state {stated} "
            "({statements}, {period})",
            "{n} demande au titre du MRR enregistrée à ce jour, toutes périodes confondues ; "
            "les sources en déclarent {stated} ({statements}, {period})",
        ),
        "stated_range#other": _e(
            "{n} solicitudes del MLRR registradas a la fecha, en todos los periodos; "
            "las fuentes declaran {stated} ({statements}, {period})",
            "{n} RRM requests recorded to date, over all periods; sources state {stated} "
            "({statements}, {period})",
            "{n} demandes au titre du MRR enregistrées à ce jour, toutes périodes confondues ; "
            "les sources en déclarent {stated} ({statements}, {period})",
        ),
        "stated_range_values": _e("de {low} a {high}", "{low} to {high}", "de {low} à {high}"),
        "stated_range_statements#one": _e(
            "{n} declaración fechada", "{n} dated statement", "{n} déclaration datée"
        ),
        "stated_range_statements#other": _e(
            "{n} declaraciones fechadas", "{n} dated statements", "{n} déclarations datées"
        ),
        "month_year": _e("{month} de {year}", "{month} {year}", "{month} {year}"),
        "months_in_year": _e(
            "de {first} a {last} de {year}",
            "{first} to {last} {year}",
            "de {first} à {last} {year}",
        ),
        "months_across_years": _e(
            "de {first} a {last}", "{first} to {last}", "de {first} à {last}"
        ),
        "month_1": _e("enero", "January", "janvier"),
        "month_2": _e("febrero", "February", "février"),
        "month_3": _e("marzo", "March", "mars"),
        "month_4": _e("abril", "April", "avril"),
        "month_5": _e("mayo", "May", "mai"),
        "month_6": _e("junio", "June", "juin"),
        "month_7": _e("julio", "July", "juillet"),
        "month_8": _e("agosto", "August", "août"),
        "month_9": _e("septiembre", "September", "septembre"),
        "month_10": _e("octubre", "October", "octobre"),
        "month_11": _e("noviembre", "November", "novembre"),
        "month_12": _e("diciembre", "December", "décembre"),
    }
)

FILE_WORDS: Final[dict[str, Entry]] = {
    "active-bodies": _e("organos-activos", "active-bodies", "organes-actifs"),
    "bodies": _e("organos", "bodies", "organes"),
    "body": _e("organo", "body", "organe"),
    "briefing": _e("nota", "briefing", "note"),
    "by": _e("por", "by", "par"),
    "case": _e("caso", "case", "affaire"),
    "cases": _e("casos", "cases", "affaires"),
    "chair": _e("presidencia", "chair", "presidence"),
    "chapter": _e("capitulo", "chapter", "chapitre"),
    "complainant": _e("reclamante", "complainant", "plaignante"),
    "confidence-mix": _e("mezcla-de-confianza", "confidence-mix", "repartition-confiance"),
    "events": _e("eventos", "events", "evenements"),
    "acts": _e("actos", "acts", "actes"),
    "evidence": _e("evidencia", "evidence", "indices"),
    "evidence-coverage": _e(
        "cobertura-de-evidencia", "evidence-coverage", "couverture-des-indices"
    ),
    "from": _e("desde", "from", "depuis"),
    "host": _e("anfitrion", "host", "hote"),
    "hosts": _e("anfitriones", "hosts", "hotes"),
    "level": _e("nivel", "level", "niveau"),
    "mechanism": _e("mecanismo", "mechanism", "mecanisme"),
    "meetings": _e("reuniones", "meetings", "reunions"),
    "milestones": _e("hitos", "milestones", "jalons"),
    "officials": _e("funcionarios", "officials", "responsables"),
    "open-cases": _e("casos-abiertos", "open-cases", "affaires-ouvertes"),
    "outcome-kinds": _e("tipos-de-resultado", "outcome-kinds", "types-de-resultat"),
    "outcomes": _e("resultados", "outcomes", "resultats"),
    "over-time": _e("en-el-tiempo", "over-time", "dans-le-temps"),
    "panel-themes": _e("temas-de-paneles", "panel-themes", "themes-des-panels"),
    "presence": _e("presencia", "presence", "presence"),
    "related-meetings": _e("reuniones-relacionadas", "related-meetings", "reunions-liees"),
    "reports": _e("informes", "reports", "rapports"),
    "respondent": _e("demandada", "respondent", "defenderesse"),
    "sector": _e("sector", "sector", "secteur"),
    "sources": _e("fuentes", "sources", "sources"),
    "stated-counts": _e("totales-declarados", "stated-counts", "totaux-declares"),
    "status": _e("estado", "status", "statut"),
    "summary": _e("resumen", "summary", "resume"),
    "time-to-resolution": _e("tiempo-hasta-resolucion", "time-to-resolution", "delai-de-reglement"),
    "to": _e("hasta", "to", "jusqu-au"),
    "top-topics": _e("temas-principales", "top-topics", "themes-principaux"),
    "topic": _e("tema", "topic", "theme"),
    "topic_group": _e("grupo-de-temas", "topic-group", "groupe-de-themes"),
    "topics": _e("temas", "topics", "themes"),
    "workbook": _e("libro", "workbook", "classeur"),
    "year": _e("ano", "year", "annee"),
}
"""English words of download file names (keys, hyphenated) → the words in each language:
lower-case ASCII letters and hyphens only, so a name reads the same on every system."""
