/**
 * The block editor's side of the five Care Elements blocks, written without a build step (plain
 * ES2017 on the editor's globals: wp.blocks, wp.element, wp.blockEditor, wp.components,
 * wp.serverSideRender, wp.i18n).
 *
 * Each block's title, attributes and supports come from its block.json, which the server
 * registered; this script adds only the editing: a preview rendered by the server (the same HTML
 * the page gets, shown without the elements' script, as readers without JavaScript see it) and the
 * attributes in the sidebar. A block saves no markup of its own (`save` returns null): the page is
 * always rendered from the attributes, so it follows the plugin's updates.
 *
 * An attribute left empty stays unset, so the element's (or the site's) default applies: the
 * article's heading, items and caution, and the plugin's settings for the signup. The signup's
 * consent (its wording, whether it is required) and where it sends are the settings' alone: the
 * site's handler checks and records them.
 */
(function (wp) {
  'use strict';

  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var useState = wp.element.useState;
  var __ = wp.i18n.__;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var components = wp.components;
  var ServerSideRender = wp.serverSideRender;
  var data = window.careElementsEditor || {lists: {}, signup: {}, comments: {}, settings: {}};

  /** A text attribute: empty means unset (the default shows, as the placeholder says). */
  function text(name, label, options) {
    return Object.assign({name: name, kind: 'text', label: label}, options);
  }

  /** A presence attribute of the element: on or off. */
  function toggle(name, label, help) {
    return {name: name, kind: 'toggle', label: label, help: help};
  }

  /** An option whose default is the plugin's setting `setting`: the site's, on, or off. */
  function choice(name, label, setting) {
    return {name: name, kind: 'choice', label: label, setting: setting};
  }

  /** A whole number of at least 0, or unset. */
  function number(name, label, help) {
    return {name: name, kind: 'number', label: label, help: help};
  }

  /** A heading level, 1 to 6, or unset (the element's default, `fallback`). */
  function level(fallback) {
    return {name: 'headingLevel', kind: 'level', label: __('Heading level', 'care-elements'), fallback: fallback};
  }

  var keepDays = number(
    'keepDays',
    __('Days kept on the device', 'care-elements'),
    __('After the last change; 0 keeps them for this page only. Default: 30.', 'care-elements'),
  );
  var storageKey = text('storageKey', __('Storage key', 'care-elements'), {
    help: __('Lists with the same key share their ticks. Default: one per page.', 'care-elements'),
  });

  /**
   * What each block offers. `list` names the article's list (its items, heading and caution are
   * the defaults); `detail` lets each item carry detail after " | ".
   */
  var BLOCKS = {
    'symptom-list': {
      list: 'symptoms',
      fields: [
        toggle(
          'selectable',
          __('Readers can mark symptoms', 'care-elements'),
          __('Each symptom becomes a checkbox, with a summary of how many are marked.', 'care-elements'),
        ),
        toggle(
          'persist',
          __('Remember marks on the device', 'care-elements'),
          __('With marking: the marks survive a reload, and readers are told where they are kept.', 'care-elements'),
        ),
        keepDays,
        storageKey,
      ],
    },
    'cause-list': {list: 'causes', detail: true, fields: []},
    'treatment-checklist': {
      list: 'treatment',
      fields: [
        toggle(
          'noPersist',
          __('Forget ticks on reload', 'care-elements'),
          __('Ticks are kept in memory only, nothing on the device.', 'care-elements'),
        ),
        keepDays,
        storageKey,
      ],
    },
    'guide-signup': {
      fields: [
        text('heading', __('Heading', 'care-elements'), {placeholder: data.signup.heading}),
        level(2),
        choice('offer', __('Life Greens offer', 'care-elements'), 'offer'),
        choice('nameField', __('Ask for a first name', 'care-elements'), 'name_field'),
        text('guideUrl', __('Guide download link', 'care-elements'), {
          type: 'url',
          help: __('Shown after a signup. Default: the plugin setting.', 'care-elements'),
        }),
      ],
    },
    'comment-form': {
      fields: [
        text('heading', __('Heading', 'care-elements'), {placeholder: data.comments.heading}),
        level(3),
        number(
          'keepDays',
          __('Days a draft is kept on the device', 'care-elements'),
          __('After the last change; 0 keeps it for this page only. Default: 30.', 'care-elements'),
        ),
      ],
    },
  };

  /** The items as the textarea shows them: one per line, detail after " | ". */
  function itemsToText(items, withDetail) {
    return (items || [])
      .map(function (item) {
        return item.label + (withDetail && item.detail ? ' | ' + item.detail : '');
      })
      .join('\n');
  }

  /**
   * The textarea's lines as items. A line whose label was already there keeps that item's id, so
   * what readers ticked still matches; new lines get their id from their label on the server.
   */
  function textToItems(value, withDetail, previous) {
    var ids = {};
    (previous || []).forEach(function (item) {
      if (item && item.id) ids[item.label] = item.id;
    });
    return value
      .split('\n')
      .map(function (line) {
        var at = withDetail ? line.indexOf(' | ') : -1;
        var label = (at < 0 ? line : line.slice(0, at)).trim();
        var detail = at < 0 ? '' : line.slice(at + 3).trim();
        var item = {label: label};
        if (ids[label]) item.id = ids[label];
        if (detail) item.detail = detail;
        return item;
      })
      .filter(function (item) {
        return item.label !== '';
      });
  }

  /** The items textarea of a list block, with the article's items as its placeholder. */
  function ItemsControl(props) {
    var spec = props.spec;
    var attributes = props.attributes;
    // The text is kept as typed (an empty line while adding one), and read into items at each change.
    var state = useState(itemsToText(attributes.items, spec.detail));
    var article = data.lists[spec.list] || {items: []};
    return el(components.TextareaControl, {
      label: __('Items', 'care-elements'),
      help: spec.detail
        ? __('One per line; detail after " | ". Empty: the article’s list.', 'care-elements')
        : __('One per line. Empty: the article’s list.', 'care-elements'),
      placeholder: itemsToText(article.items, spec.detail),
      rows: 8,
      value: state[0],
      onChange: function (value) {
        var items = textToItems(value, spec.detail, attributes.items);
        state[1](value);
        props.setAttributes({items: items.length ? items : undefined});
      },
    });
  }

  /** The fields every list has: its items, heading, heading level, caution and a JSON source. */
  function listFields(spec) {
    var article = data.lists[spec.list] || {};
    return [
      text('heading', __('Heading', 'care-elements'), {placeholder: article.heading, help: __('Empty: the article’s heading.', 'care-elements')}),
      level(2),
      text('caution', __('Caution under the list', 'care-elements'), {
        multiline: true,
        placeholder: article.caution,
        help: __('Empty: the article’s caution.', 'care-elements'),
      }),
      text('src', __('Items from a JSON address', 'care-elements'), {
        type: 'url',
        help: __('Optional. The list above shows until it loads, and if it fails.', 'care-elements'),
      }),
    ];
  }

  /** The sidebar control of one attribute. */
  function control(field, props) {
    var value = props.attributes[field.name];
    var set = function (next) {
      var change = {};
      change[field.name] = next;
      props.setAttributes(change);
    };
    switch (field.kind) {
      case 'toggle':
        return el(components.ToggleControl, {key: field.name, label: field.label, help: field.help, checked: value === true, onChange: set});
      case 'choice': {
        var site = data.settings[field.setting] ? __('on', 'care-elements') : __('off', 'care-elements');
        /* translators: %s: "on" or "off", the plugin's setting. */
        var siteLabel = wp.i18n.sprintf(__('Plugin setting (%s)', 'care-elements'), site);
        return el(components.SelectControl, {
          key: field.name,
          label: field.label,
          value: value === true ? 'on' : value === false ? 'off' : '',
          options: [
            {value: '', label: siteLabel},
            {value: 'on', label: __('On', 'care-elements')},
            {value: 'off', label: __('Off', 'care-elements')},
          ],
          onChange: function (next) {
            set(next === '' ? undefined : next === 'on');
          },
        });
      }
      case 'number':
        return el(components.TextControl, {
          key: field.name,
          label: field.label,
          help: field.help,
          type: 'number',
          min: 0,
          value: value === undefined ? '' : String(value),
          onChange: function (next) {
            var n = parseInt(next, 10);
            set(next === '' || isNaN(n) || n < 0 ? undefined : n);
          },
        });
      case 'level': {
        /* translators: %d: the heading level used when none is chosen. */
        var options = [{value: '', label: wp.i18n.sprintf(__('Default (%d)', 'care-elements'), field.fallback)}];
        for (var n = 1; n <= 6; n++) options.push({value: String(n), label: 'H' + n});
        return el(components.SelectControl, {
          key: field.name,
          label: field.label,
          value: value === undefined ? '' : String(value),
          options: options,
          onChange: function (next) {
            set(next === '' ? undefined : parseInt(next, 10));
          },
        });
      }
      default:
        return el(field.multiline ? components.TextareaControl : components.TextControl, {
          key: field.name,
          label: field.label,
          help: field.help,
          placeholder: field.placeholder,
          type: field.multiline ? undefined : field.type || 'text',
          value: value === undefined ? '' : value,
          onChange: function (next) {
            set(next === '' ? undefined : next);
          },
        });
    }
  }

  /** A block's editor: the sidebar's controls, and the server's rendering as the preview. */
  function editFor(name, spec) {
    return function Edit(props) {
      var fields = spec.list ? listFields(spec).concat(spec.fields) : spec.fields;
      var panel = el(
        components.PanelBody,
        {title: __('Settings', 'care-elements')},
        spec.list ? el(ItemsControl, {key: 'items', spec: spec, attributes: props.attributes, setAttributes: props.setAttributes}) : null,
        fields.map(function (field) {
          return control(field, props);
        }),
      );
      // Disabled: the preview is for looking at; its links and form do nothing in the editor.
      var preview = el(components.Disabled, null, el(ServerSideRender, {block: name, attributes: props.attributes, httpMethod: 'POST'}));
      return el(Fragment, null, el(InspectorControls, null, panel), el('div', useBlockProps(), preview));
    };
  }

  Object.keys(BLOCKS).forEach(function (key) {
    var name = 'care-elements/' + key;
    wp.blocks.registerBlockType(name, {
      edit: editFor(name, BLOCKS[key]),
      save: function () {
        return null;
      },
    });
  });
})(window.wp);
