/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $Array = $util.global.Array, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $isFinite = $util.global.isFinite, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const weft = $root.weft = (() => {

    /**
     * Namespace weft.
     * @exports weft
     * @namespace
     */
    const weft = {};

    weft.switchmodel = (function() {

        /**
         * Namespace switchmodel.
         * @memberof weft
         * @namespace
         */
        const switchmodel = {};

        switchmodel.SwitchSpec = (function() {

            /**
             * Properties of a SwitchSpec.
             * @typedef {Object} weft.switchmodel.SwitchSpec.$Properties
             * @property {string|null} [name] SwitchSpec name
             * @property {string|null} [description] SwitchSpec description
             * @property {number|null} [radix] SwitchSpec radix
             * @property {number|null} [portSpeedGbps] SwitchSpec portSpeedGbps
             * @property {weft.switchmodel.Buffer.$Properties|null} [buffer] SwitchSpec buffer
             * @property {weft.switchmodel.ForwardingMode|null} [forwarding] SwitchSpec forwarding
             * @property {number|null} [portToPortLatencyNs] SwitchSpec portToPortLatencyNs
             * @property {Array.<weft.switchmodel.TrafficClass.$Properties>|null} [classes] SwitchSpec classes
             * @property {weft.switchmodel.LoadBalancing.$Properties|null} [loadBalancing] SwitchSpec loadBalancing
             * @property {weft.switchmodel.InbandTelemetry.$Properties|null} [int] SwitchSpec int
             * @property {Array.<weft.switchmodel.Source.$Properties>|null} [sources] SwitchSpec sources
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SwitchSpec.
             * @memberof weft.switchmodel
             * @interface ISwitchSpec
             * @augments weft.switchmodel.SwitchSpec.$Properties
             * @deprecated Use weft.switchmodel.SwitchSpec.$Properties instead.
             */

            /**
             * Shape of a SwitchSpec.
             * @typedef {weft.switchmodel.SwitchSpec.$Properties} weft.switchmodel.SwitchSpec.$Shape
             */

            /**
             * Constructs a new SwitchSpec.
             * @memberof weft.switchmodel
             * @classdesc Represents a SwitchSpec.
             * @constructor
             * @param {weft.switchmodel.SwitchSpec.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SwitchSpec = function (properties) {
                this.classes = [];
                this.sources = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SwitchSpec name.
             * @member {string} name
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.name = "";

            /**
             * SwitchSpec description.
             * @member {string} description
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.description = "";

            /**
             * SwitchSpec radix.
             * @member {number} radix
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.radix = 0;

            /**
             * SwitchSpec portSpeedGbps.
             * @member {number} portSpeedGbps
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.portSpeedGbps = 0;

            /**
             * SwitchSpec buffer.
             * @member {weft.switchmodel.Buffer.$Properties|null|undefined} buffer
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.buffer = null;

            /**
             * SwitchSpec forwarding.
             * @member {weft.switchmodel.ForwardingMode} forwarding
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.forwarding = 0;

            /**
             * SwitchSpec portToPortLatencyNs.
             * @member {number} portToPortLatencyNs
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.portToPortLatencyNs = 0;

            /**
             * SwitchSpec classes.
             * @member {Array.<weft.switchmodel.TrafficClass.$Properties>} classes
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.classes = $util.emptyArray;

            /**
             * SwitchSpec loadBalancing.
             * @member {weft.switchmodel.LoadBalancing.$Properties|null|undefined} loadBalancing
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.loadBalancing = null;

            /**
             * SwitchSpec int.
             * @member {weft.switchmodel.InbandTelemetry.$Properties|null|undefined} int
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.int = null;

            /**
             * SwitchSpec sources.
             * @member {Array.<weft.switchmodel.Source.$Properties>} sources
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             */
            SwitchSpec.prototype.sources = $util.emptyArray;

            /**
             * Creates a new SwitchSpec instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {weft.switchmodel.SwitchSpec.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.SwitchSpec} SwitchSpec instance
             * @type {{
             *   (properties: weft.switchmodel.SwitchSpec.$Shape): weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape;
             *   (properties?: weft.switchmodel.SwitchSpec.$Properties): weft.switchmodel.SwitchSpec;
             * }}
             */
            SwitchSpec.create = function(properties) {
                return new SwitchSpec(properties);
            };

            /**
             * Encodes the specified SwitchSpec message. Does not implicitly {@link weft.switchmodel.SwitchSpec.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {weft.switchmodel.SwitchSpec.$Properties} message SwitchSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SwitchSpec.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.description);
                if (message.radix != null && $Object.hasOwnProperty.call(message, "radix") && message.radix !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.radix);
                if (message.portSpeedGbps != null && $Object.hasOwnProperty.call(message, "portSpeedGbps") && message.portSpeedGbps !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.portSpeedGbps);
                if (message.buffer != null && $Object.hasOwnProperty.call(message, "buffer"))
                    $root.weft.switchmodel.Buffer.encode(message.buffer, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.forwarding != null && $Object.hasOwnProperty.call(message, "forwarding") && message.forwarding !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.forwarding);
                if (message.portToPortLatencyNs != null && $Object.hasOwnProperty.call(message, "portToPortLatencyNs") && !$Object.is(message.portToPortLatencyNs, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.portToPortLatencyNs);
                if (message.classes != null && message.classes.length)
                    for (let i = 0; i < message.classes.length; ++i)
                        $root.weft.switchmodel.TrafficClass.encode(message.classes[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.loadBalancing != null && $Object.hasOwnProperty.call(message, "loadBalancing"))
                    $root.weft.switchmodel.LoadBalancing.encode(message.loadBalancing, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.int != null && $Object.hasOwnProperty.call(message, "int"))
                    $root.weft.switchmodel.InbandTelemetry.encode(message.int, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.sources != null && message.sources.length)
                    for (let i = 0; i < message.sources.length; ++i)
                        $root.weft.switchmodel.Source.encode(message.sources[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified SwitchSpec message, length delimited. Does not implicitly {@link weft.switchmodel.SwitchSpec.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {weft.switchmodel.SwitchSpec.$Properties} message SwitchSpec message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SwitchSpec.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SwitchSpec message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape} SwitchSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SwitchSpec.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.SwitchSpec();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.radix = value;
                            else
                                delete message.radix;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.portSpeedGbps = value;
                            else
                                delete message.portSpeedGbps;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.buffer = $root.weft.switchmodel.Buffer.decode(reader, reader.size(), $undefined, _depth + 1, message.buffer);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.forwarding = value;
                            else
                                delete message.forwarding;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.portToPortLatencyNs = value;
                            else
                                delete message.portToPortLatencyNs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.classes && message.classes.length))
                                message.classes = [];
                            message.classes.push($root.weft.switchmodel.TrafficClass.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.loadBalancing = $root.weft.switchmodel.LoadBalancing.decode(reader, reader.size(), $undefined, _depth + 1, message.loadBalancing);
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.int = $root.weft.switchmodel.InbandTelemetry.decode(reader, reader.size(), $undefined, _depth + 1, message.int);
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sources && message.sources.length))
                                message.sources = [];
                            message.sources.push($root.weft.switchmodel.Source.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a SwitchSpec message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.SwitchSpec & weft.switchmodel.SwitchSpec.$Shape} SwitchSpec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SwitchSpec.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SwitchSpec message.
             * @function verify
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SwitchSpec.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    if (!$util.isString(message.description))
                        return "description: string expected";
                if (message.radix != null && $Object.hasOwnProperty.call(message, "radix"))
                    if (!$util.isInteger(message.radix))
                        return "radix: integer expected";
                if (message.portSpeedGbps != null && $Object.hasOwnProperty.call(message, "portSpeedGbps"))
                    if (!$util.isInteger(message.portSpeedGbps))
                        return "portSpeedGbps: integer expected";
                if (message.buffer != null && $Object.hasOwnProperty.call(message, "buffer")) {
                    let error = $root.weft.switchmodel.Buffer.verify(message.buffer, _depth + 1);
                    if (error)
                        return "buffer." + error;
                }
                if (message.forwarding != null && $Object.hasOwnProperty.call(message, "forwarding"))
                    if (typeof message.forwarding !== "number" || (message.forwarding | 0) !== message.forwarding)
                        return "forwarding: enum value expected";
                if (message.portToPortLatencyNs != null && $Object.hasOwnProperty.call(message, "portToPortLatencyNs"))
                    if (typeof message.portToPortLatencyNs !== "number")
                        return "portToPortLatencyNs: number expected";
                if (message.classes != null && $Object.hasOwnProperty.call(message, "classes")) {
                    if (!$Array.isArray(message.classes))
                        return "classes: array expected";
                    for (let i = 0; i < message.classes.length; ++i) {
                        let error = $root.weft.switchmodel.TrafficClass.verify(message.classes[i], _depth + 1);
                        if (error)
                            return "classes." + error;
                    }
                }
                if (message.loadBalancing != null && $Object.hasOwnProperty.call(message, "loadBalancing")) {
                    let error = $root.weft.switchmodel.LoadBalancing.verify(message.loadBalancing, _depth + 1);
                    if (error)
                        return "loadBalancing." + error;
                }
                if (message.int != null && $Object.hasOwnProperty.call(message, "int")) {
                    let error = $root.weft.switchmodel.InbandTelemetry.verify(message.int, _depth + 1);
                    if (error)
                        return "int." + error;
                }
                if (message.sources != null && $Object.hasOwnProperty.call(message, "sources")) {
                    if (!$Array.isArray(message.sources))
                        return "sources: array expected";
                    for (let i = 0; i < message.sources.length; ++i) {
                        let error = $root.weft.switchmodel.Source.verify(message.sources[i], _depth + 1);
                        if (error)
                            return "sources." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a SwitchSpec message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.SwitchSpec} SwitchSpec
             */
            SwitchSpec.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.SwitchSpec)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.SwitchSpec: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.SwitchSpec();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.radix != null)
                    if ($Number(object.radix) !== 0)
                        message.radix = object.radix >>> 0;
                if (object.portSpeedGbps != null)
                    if ($Number(object.portSpeedGbps) !== 0)
                        message.portSpeedGbps = object.portSpeedGbps >>> 0;
                if (object.buffer != null) {
                    if (!$util.isObject(object.buffer))
                        throw $TypeError(".weft.switchmodel.SwitchSpec.buffer: object expected");
                    message.buffer = $root.weft.switchmodel.Buffer.fromObject(object.buffer, _depth + 1);
                }
                if (object.forwarding !== 0 && (typeof object.forwarding !== "string" || $root.weft.switchmodel.ForwardingMode[object.forwarding] !== 0))
                    switch (object.forwarding) {
                    case "CUT_THROUGH":
                    case 0:
                        message.forwarding = 0;
                        break;
                    case "STORE_AND_FORWARD":
                    case 1:
                        message.forwarding = 1;
                        break;
                    default:
                        if (typeof object.forwarding === "number" && (object.forwarding | 0) === object.forwarding)
                            message.forwarding = object.forwarding;
                    }
                if (object.portToPortLatencyNs != null)
                    if (!$Object.is($Number(object.portToPortLatencyNs), 0))
                        message.portToPortLatencyNs = $Number(object.portToPortLatencyNs);
                if (object.classes) {
                    if (!$Array.isArray(object.classes))
                        throw $TypeError(".weft.switchmodel.SwitchSpec.classes: array expected");
                    message.classes = $Array(object.classes.length);
                    for (let i = 0; i < object.classes.length; ++i) {
                        if (!$util.isObject(object.classes[i]))
                            throw $TypeError(".weft.switchmodel.SwitchSpec.classes: object expected");
                        message.classes[i] = $root.weft.switchmodel.TrafficClass.fromObject(object.classes[i], _depth + 1);
                    }
                }
                if (object.loadBalancing != null) {
                    if (!$util.isObject(object.loadBalancing))
                        throw $TypeError(".weft.switchmodel.SwitchSpec.loadBalancing: object expected");
                    message.loadBalancing = $root.weft.switchmodel.LoadBalancing.fromObject(object.loadBalancing, _depth + 1);
                }
                if (object.int != null) {
                    if (!$util.isObject(object.int))
                        throw $TypeError(".weft.switchmodel.SwitchSpec.int: object expected");
                    message.int = $root.weft.switchmodel.InbandTelemetry.fromObject(object.int, _depth + 1);
                }
                if (object.sources) {
                    if (!$Array.isArray(object.sources))
                        throw $TypeError(".weft.switchmodel.SwitchSpec.sources: array expected");
                    message.sources = $Array(object.sources.length);
                    for (let i = 0; i < object.sources.length; ++i) {
                        if (!$util.isObject(object.sources[i]))
                            throw $TypeError(".weft.switchmodel.SwitchSpec.sources: object expected");
                        message.sources[i] = $root.weft.switchmodel.Source.fromObject(object.sources[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a SwitchSpec message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {weft.switchmodel.SwitchSpec} message SwitchSpec
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SwitchSpec.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.classes = [];
                    object.sources = [];
                }
                if (options.defaults) {
                    object.name = "";
                    object.description = "";
                    object.radix = 0;
                    object.portSpeedGbps = 0;
                    object.buffer = null;
                    object.forwarding = options.enums === $String ? "CUT_THROUGH" : 0;
                    object.portToPortLatencyNs = 0;
                    object.loadBalancing = null;
                    object.int = null;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.radix != null && $Object.hasOwnProperty.call(message, "radix"))
                    object.radix = message.radix;
                if (message.portSpeedGbps != null && $Object.hasOwnProperty.call(message, "portSpeedGbps"))
                    object.portSpeedGbps = message.portSpeedGbps;
                if (message.buffer != null && $Object.hasOwnProperty.call(message, "buffer"))
                    object.buffer = $root.weft.switchmodel.Buffer.toObject(message.buffer, options, _depth + 1);
                if (message.forwarding != null && $Object.hasOwnProperty.call(message, "forwarding"))
                    object.forwarding = options.enums === $String ? $root.weft.switchmodel.ForwardingMode[message.forwarding] === $undefined ? message.forwarding : $root.weft.switchmodel.ForwardingMode[message.forwarding] : message.forwarding;
                if (message.portToPortLatencyNs != null && $Object.hasOwnProperty.call(message, "portToPortLatencyNs"))
                    object.portToPortLatencyNs = options.json && !$isFinite(message.portToPortLatencyNs) ? $String(message.portToPortLatencyNs) : message.portToPortLatencyNs;
                if (message.classes && message.classes.length) {
                    object.classes = $Array(message.classes.length);
                    for (let j = 0; j < message.classes.length; ++j)
                        object.classes[j] = $root.weft.switchmodel.TrafficClass.toObject(message.classes[j], options, _depth + 1);
                }
                if (message.loadBalancing != null && $Object.hasOwnProperty.call(message, "loadBalancing"))
                    object.loadBalancing = $root.weft.switchmodel.LoadBalancing.toObject(message.loadBalancing, options, _depth + 1);
                if (message.int != null && $Object.hasOwnProperty.call(message, "int"))
                    object.int = $root.weft.switchmodel.InbandTelemetry.toObject(message.int, options, _depth + 1);
                if (message.sources && message.sources.length) {
                    object.sources = $Array(message.sources.length);
                    for (let j = 0; j < message.sources.length; ++j)
                        object.sources[j] = $root.weft.switchmodel.Source.toObject(message.sources[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this SwitchSpec to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.SwitchSpec
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SwitchSpec.prototype.toJSON = function() {
                return SwitchSpec.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SwitchSpec
             * @function getTypeUrl
             * @memberof weft.switchmodel.SwitchSpec
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SwitchSpec.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.SwitchSpec";
            };

            return SwitchSpec;
        })();

        /**
         * ForwardingMode enum.
         * @name weft.switchmodel.ForwardingMode
         * @enum {number}
         * @property {number} CUT_THROUGH=0 CUT_THROUGH value
         * @property {number} STORE_AND_FORWARD=1 STORE_AND_FORWARD value
         */
        switchmodel.ForwardingMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CUT_THROUGH"] = 0;
            values[valuesById[1] = "STORE_AND_FORWARD"] = 1;
            return values;
        })();

        switchmodel.Buffer = (function() {

            /**
             * Properties of a Buffer.
             * @typedef {Object} weft.switchmodel.Buffer.$Properties
             * @property {number|Long|null} [sharedBytes] Buffer sharedBytes
             * @property {number|null} [reservedPerPortClassBytes] Buffer reservedPerPortClassBytes
             * @property {number|null} [pfcHeadroomPerPortClassBytes] Buffer pfcHeadroomPerPortClassBytes
             * @property {number|null} [dynamicThresholdAlpha] Buffer dynamicThresholdAlpha
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Buffer.
             * @memberof weft.switchmodel
             * @interface IBuffer
             * @augments weft.switchmodel.Buffer.$Properties
             * @deprecated Use weft.switchmodel.Buffer.$Properties instead.
             */

            /**
             * Shape of a Buffer.
             * @typedef {weft.switchmodel.Buffer.$Properties} weft.switchmodel.Buffer.$Shape
             */

            /**
             * Constructs a new Buffer.
             * @memberof weft.switchmodel
             * @classdesc Represents a Buffer.
             * @constructor
             * @param {weft.switchmodel.Buffer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Buffer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Buffer sharedBytes.
             * @member {number|Long} sharedBytes
             * @memberof weft.switchmodel.Buffer
             * @instance
             */
            Buffer.prototype.sharedBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Buffer reservedPerPortClassBytes.
             * @member {number} reservedPerPortClassBytes
             * @memberof weft.switchmodel.Buffer
             * @instance
             */
            Buffer.prototype.reservedPerPortClassBytes = 0;

            /**
             * Buffer pfcHeadroomPerPortClassBytes.
             * @member {number} pfcHeadroomPerPortClassBytes
             * @memberof weft.switchmodel.Buffer
             * @instance
             */
            Buffer.prototype.pfcHeadroomPerPortClassBytes = 0;

            /**
             * Buffer dynamicThresholdAlpha.
             * @member {number} dynamicThresholdAlpha
             * @memberof weft.switchmodel.Buffer
             * @instance
             */
            Buffer.prototype.dynamicThresholdAlpha = 0;

            /**
             * Creates a new Buffer instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {weft.switchmodel.Buffer.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.Buffer} Buffer instance
             * @type {{
             *   (properties: weft.switchmodel.Buffer.$Shape): weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape;
             *   (properties?: weft.switchmodel.Buffer.$Properties): weft.switchmodel.Buffer;
             * }}
             */
            Buffer.create = function(properties) {
                return new Buffer(properties);
            };

            /**
             * Encodes the specified Buffer message. Does not implicitly {@link weft.switchmodel.Buffer.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {weft.switchmodel.Buffer.$Properties} message Buffer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Buffer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sharedBytes != null && $Object.hasOwnProperty.call(message, "sharedBytes") && (typeof message.sharedBytes === "object" ? message.sharedBytes.low || message.sharedBytes.high : message.sharedBytes !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.sharedBytes);
                if (message.reservedPerPortClassBytes != null && $Object.hasOwnProperty.call(message, "reservedPerPortClassBytes") && message.reservedPerPortClassBytes !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.reservedPerPortClassBytes);
                if (message.pfcHeadroomPerPortClassBytes != null && $Object.hasOwnProperty.call(message, "pfcHeadroomPerPortClassBytes") && message.pfcHeadroomPerPortClassBytes !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.pfcHeadroomPerPortClassBytes);
                if (message.dynamicThresholdAlpha != null && $Object.hasOwnProperty.call(message, "dynamicThresholdAlpha") && !$Object.is(message.dynamicThresholdAlpha, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.dynamicThresholdAlpha);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Buffer message, length delimited. Does not implicitly {@link weft.switchmodel.Buffer.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {weft.switchmodel.Buffer.$Properties} message Buffer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Buffer.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Buffer message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape} Buffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Buffer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.Buffer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sharedBytes = value;
                            else
                                delete message.sharedBytes;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.reservedPerPortClassBytes = value;
                            else
                                delete message.reservedPerPortClassBytes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pfcHeadroomPerPortClassBytes = value;
                            else
                                delete message.pfcHeadroomPerPortClassBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.dynamicThresholdAlpha = value;
                            else
                                delete message.dynamicThresholdAlpha;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Buffer message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Buffer & weft.switchmodel.Buffer.$Shape} Buffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Buffer.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Buffer message.
             * @function verify
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Buffer.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.sharedBytes != null && $Object.hasOwnProperty.call(message, "sharedBytes"))
                    if (!$util.isInteger(message.sharedBytes) && !(message.sharedBytes && $util.isInteger(message.sharedBytes.low) && $util.isInteger(message.sharedBytes.high)))
                        return "sharedBytes: integer|Long expected";
                if (message.reservedPerPortClassBytes != null && $Object.hasOwnProperty.call(message, "reservedPerPortClassBytes"))
                    if (!$util.isInteger(message.reservedPerPortClassBytes))
                        return "reservedPerPortClassBytes: integer expected";
                if (message.pfcHeadroomPerPortClassBytes != null && $Object.hasOwnProperty.call(message, "pfcHeadroomPerPortClassBytes"))
                    if (!$util.isInteger(message.pfcHeadroomPerPortClassBytes))
                        return "pfcHeadroomPerPortClassBytes: integer expected";
                if (message.dynamicThresholdAlpha != null && $Object.hasOwnProperty.call(message, "dynamicThresholdAlpha"))
                    if (typeof message.dynamicThresholdAlpha !== "number")
                        return "dynamicThresholdAlpha: number expected";
                return null;
            };

            /**
             * Creates a Buffer message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.Buffer} Buffer
             */
            Buffer.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.Buffer)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.Buffer: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.Buffer();
                if (object.sharedBytes != null)
                    if (typeof object.sharedBytes === "object" ? object.sharedBytes.low || object.sharedBytes.high : $Number(object.sharedBytes) !== 0)
                        if ($util.Long)
                            message.sharedBytes = $util.Long.fromValue(object.sharedBytes, true);
                        else if (typeof object.sharedBytes === "string")
                            message.sharedBytes = $parseInt(object.sharedBytes, 10);
                        else if (typeof object.sharedBytes === "number")
                            message.sharedBytes = object.sharedBytes;
                        else if (typeof object.sharedBytes === "object")
                            message.sharedBytes = new $util.LongBits(object.sharedBytes.low >>> 0, object.sharedBytes.high >>> 0).toNumber(true);
                if (object.reservedPerPortClassBytes != null)
                    if ($Number(object.reservedPerPortClassBytes) !== 0)
                        message.reservedPerPortClassBytes = object.reservedPerPortClassBytes >>> 0;
                if (object.pfcHeadroomPerPortClassBytes != null)
                    if ($Number(object.pfcHeadroomPerPortClassBytes) !== 0)
                        message.pfcHeadroomPerPortClassBytes = object.pfcHeadroomPerPortClassBytes >>> 0;
                if (object.dynamicThresholdAlpha != null)
                    if (!$Object.is($Number(object.dynamicThresholdAlpha), 0))
                        message.dynamicThresholdAlpha = $Number(object.dynamicThresholdAlpha);
                return message;
            };

            /**
             * Creates a plain object from a Buffer message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {weft.switchmodel.Buffer} message Buffer
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Buffer.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sharedBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sharedBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.reservedPerPortClassBytes = 0;
                    object.pfcHeadroomPerPortClassBytes = 0;
                    object.dynamicThresholdAlpha = 0;
                }
                if (message.sharedBytes != null && $Object.hasOwnProperty.call(message, "sharedBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sharedBytes = typeof message.sharedBytes === "number" ? $BigInt(message.sharedBytes) : $util.Long.fromBits(message.sharedBytes.low >>> 0, message.sharedBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.sharedBytes === "number")
                        object.sharedBytes = options.longs === $String ? $String(message.sharedBytes) : message.sharedBytes;
                    else
                        object.sharedBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.sharedBytes) : options.longs === $Number ? new $util.LongBits(message.sharedBytes.low >>> 0, message.sharedBytes.high >>> 0).toNumber(true) : message.sharedBytes;
                if (message.reservedPerPortClassBytes != null && $Object.hasOwnProperty.call(message, "reservedPerPortClassBytes"))
                    object.reservedPerPortClassBytes = message.reservedPerPortClassBytes;
                if (message.pfcHeadroomPerPortClassBytes != null && $Object.hasOwnProperty.call(message, "pfcHeadroomPerPortClassBytes"))
                    object.pfcHeadroomPerPortClassBytes = message.pfcHeadroomPerPortClassBytes;
                if (message.dynamicThresholdAlpha != null && $Object.hasOwnProperty.call(message, "dynamicThresholdAlpha"))
                    object.dynamicThresholdAlpha = options.json && !$isFinite(message.dynamicThresholdAlpha) ? $String(message.dynamicThresholdAlpha) : message.dynamicThresholdAlpha;
                return object;
            };

            /**
             * Converts this Buffer to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.Buffer
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Buffer.prototype.toJSON = function() {
                return Buffer.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Buffer
             * @function getTypeUrl
             * @memberof weft.switchmodel.Buffer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Buffer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.Buffer";
            };

            return Buffer;
        })();

        /**
         * Scheduling enum.
         * @name weft.switchmodel.Scheduling
         * @enum {number}
         * @property {number} DWRR=0 DWRR value
         * @property {number} STRICT_PRIORITY=1 STRICT_PRIORITY value
         */
        switchmodel.Scheduling = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DWRR"] = 0;
            values[valuesById[1] = "STRICT_PRIORITY"] = 1;
            return values;
        })();

        switchmodel.TrafficClass = (function() {

            /**
             * Properties of a TrafficClass.
             * @typedef {Object} weft.switchmodel.TrafficClass.$Properties
             * @property {number|null} [id] TrafficClass id
             * @property {weft.switchmodel.Scheduling|null} [scheduling] TrafficClass scheduling
             * @property {number|null} [dwrrWeight] TrafficClass dwrrWeight
             * @property {boolean|null} [lossless] TrafficClass lossless
             * @property {weft.switchmodel.Ecn.$Properties|null} [ecn] TrafficClass ecn
             * @property {weft.switchmodel.Pfc.$Properties|null} [pfc] TrafficClass pfc
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrafficClass.
             * @memberof weft.switchmodel
             * @interface ITrafficClass
             * @augments weft.switchmodel.TrafficClass.$Properties
             * @deprecated Use weft.switchmodel.TrafficClass.$Properties instead.
             */

            /**
             * Shape of a TrafficClass.
             * @typedef {weft.switchmodel.TrafficClass.$Properties} weft.switchmodel.TrafficClass.$Shape
             */

            /**
             * Constructs a new TrafficClass.
             * @memberof weft.switchmodel
             * @classdesc Represents a TrafficClass.
             * @constructor
             * @param {weft.switchmodel.TrafficClass.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TrafficClass = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TrafficClass id.
             * @member {number} id
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             */
            TrafficClass.prototype.id = 0;

            /**
             * TrafficClass scheduling.
             * @member {weft.switchmodel.Scheduling} scheduling
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             */
            TrafficClass.prototype.scheduling = 0;

            /**
             * TrafficClass dwrrWeight.
             * @member {number} dwrrWeight
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             */
            TrafficClass.prototype.dwrrWeight = 0;

            /**
             * TrafficClass lossless.
             * @member {boolean} lossless
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             */
            TrafficClass.prototype.lossless = false;

            /**
             * TrafficClass ecn.
             * @member {weft.switchmodel.Ecn.$Properties|null|undefined} ecn
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             */
            TrafficClass.prototype.ecn = null;

            /**
             * TrafficClass pfc.
             * @member {weft.switchmodel.Pfc.$Properties|null|undefined} pfc
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             */
            TrafficClass.prototype.pfc = null;

            /**
             * Creates a new TrafficClass instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {weft.switchmodel.TrafficClass.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.TrafficClass} TrafficClass instance
             * @type {{
             *   (properties: weft.switchmodel.TrafficClass.$Shape): weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape;
             *   (properties?: weft.switchmodel.TrafficClass.$Properties): weft.switchmodel.TrafficClass;
             * }}
             */
            TrafficClass.create = function(properties) {
                return new TrafficClass(properties);
            };

            /**
             * Encodes the specified TrafficClass message. Does not implicitly {@link weft.switchmodel.TrafficClass.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {weft.switchmodel.TrafficClass.$Properties} message TrafficClass message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrafficClass.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                if (message.scheduling != null && $Object.hasOwnProperty.call(message, "scheduling") && message.scheduling !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.scheduling);
                if (message.dwrrWeight != null && $Object.hasOwnProperty.call(message, "dwrrWeight") && message.dwrrWeight !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.dwrrWeight);
                if (message.lossless != null && $Object.hasOwnProperty.call(message, "lossless") && message.lossless !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.lossless);
                if (message.ecn != null && $Object.hasOwnProperty.call(message, "ecn"))
                    $root.weft.switchmodel.Ecn.encode(message.ecn, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.pfc != null && $Object.hasOwnProperty.call(message, "pfc"))
                    $root.weft.switchmodel.Pfc.encode(message.pfc, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TrafficClass message, length delimited. Does not implicitly {@link weft.switchmodel.TrafficClass.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {weft.switchmodel.TrafficClass.$Properties} message TrafficClass message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrafficClass.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TrafficClass message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape} TrafficClass
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrafficClass.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.TrafficClass();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.scheduling = value;
                            else
                                delete message.scheduling;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.dwrrWeight = value;
                            else
                                delete message.dwrrWeight;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.lossless = value;
                            else
                                delete message.lossless;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.ecn = $root.weft.switchmodel.Ecn.decode(reader, reader.size(), $undefined, _depth + 1, message.ecn);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.pfc = $root.weft.switchmodel.Pfc.decode(reader, reader.size(), $undefined, _depth + 1, message.pfc);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TrafficClass message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.TrafficClass & weft.switchmodel.TrafficClass.$Shape} TrafficClass
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrafficClass.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TrafficClass message.
             * @function verify
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TrafficClass.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isInteger(message.id))
                        return "id: integer expected";
                if (message.scheduling != null && $Object.hasOwnProperty.call(message, "scheduling"))
                    if (typeof message.scheduling !== "number" || (message.scheduling | 0) !== message.scheduling)
                        return "scheduling: enum value expected";
                if (message.dwrrWeight != null && $Object.hasOwnProperty.call(message, "dwrrWeight"))
                    if (!$util.isInteger(message.dwrrWeight))
                        return "dwrrWeight: integer expected";
                if (message.lossless != null && $Object.hasOwnProperty.call(message, "lossless"))
                    if (typeof message.lossless !== "boolean")
                        return "lossless: boolean expected";
                if (message.ecn != null && $Object.hasOwnProperty.call(message, "ecn")) {
                    let error = $root.weft.switchmodel.Ecn.verify(message.ecn, _depth + 1);
                    if (error)
                        return "ecn." + error;
                }
                if (message.pfc != null && $Object.hasOwnProperty.call(message, "pfc")) {
                    let error = $root.weft.switchmodel.Pfc.verify(message.pfc, _depth + 1);
                    if (error)
                        return "pfc." + error;
                }
                return null;
            };

            /**
             * Creates a TrafficClass message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.TrafficClass} TrafficClass
             */
            TrafficClass.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.TrafficClass)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.TrafficClass: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.TrafficClass();
                if (object.id != null)
                    if ($Number(object.id) !== 0)
                        message.id = object.id >>> 0;
                if (object.scheduling !== 0 && (typeof object.scheduling !== "string" || $root.weft.switchmodel.Scheduling[object.scheduling] !== 0))
                    switch (object.scheduling) {
                    case "DWRR":
                    case 0:
                        message.scheduling = 0;
                        break;
                    case "STRICT_PRIORITY":
                    case 1:
                        message.scheduling = 1;
                        break;
                    default:
                        if (typeof object.scheduling === "number" && (object.scheduling | 0) === object.scheduling)
                            message.scheduling = object.scheduling;
                    }
                if (object.dwrrWeight != null)
                    if ($Number(object.dwrrWeight) !== 0)
                        message.dwrrWeight = object.dwrrWeight >>> 0;
                if (object.lossless != null)
                    if (object.lossless)
                        message.lossless = $Boolean(object.lossless);
                if (object.ecn != null) {
                    if (!$util.isObject(object.ecn))
                        throw $TypeError(".weft.switchmodel.TrafficClass.ecn: object expected");
                    message.ecn = $root.weft.switchmodel.Ecn.fromObject(object.ecn, _depth + 1);
                }
                if (object.pfc != null) {
                    if (!$util.isObject(object.pfc))
                        throw $TypeError(".weft.switchmodel.TrafficClass.pfc: object expected");
                    message.pfc = $root.weft.switchmodel.Pfc.fromObject(object.pfc, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TrafficClass message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {weft.switchmodel.TrafficClass} message TrafficClass
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TrafficClass.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = 0;
                    object.scheduling = options.enums === $String ? "DWRR" : 0;
                    object.dwrrWeight = 0;
                    object.lossless = false;
                    object.ecn = null;
                    object.pfc = null;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.scheduling != null && $Object.hasOwnProperty.call(message, "scheduling"))
                    object.scheduling = options.enums === $String ? $root.weft.switchmodel.Scheduling[message.scheduling] === $undefined ? message.scheduling : $root.weft.switchmodel.Scheduling[message.scheduling] : message.scheduling;
                if (message.dwrrWeight != null && $Object.hasOwnProperty.call(message, "dwrrWeight"))
                    object.dwrrWeight = message.dwrrWeight;
                if (message.lossless != null && $Object.hasOwnProperty.call(message, "lossless"))
                    object.lossless = message.lossless;
                if (message.ecn != null && $Object.hasOwnProperty.call(message, "ecn"))
                    object.ecn = $root.weft.switchmodel.Ecn.toObject(message.ecn, options, _depth + 1);
                if (message.pfc != null && $Object.hasOwnProperty.call(message, "pfc"))
                    object.pfc = $root.weft.switchmodel.Pfc.toObject(message.pfc, options, _depth + 1);
                return object;
            };

            /**
             * Converts this TrafficClass to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.TrafficClass
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TrafficClass.prototype.toJSON = function() {
                return TrafficClass.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TrafficClass
             * @function getTypeUrl
             * @memberof weft.switchmodel.TrafficClass
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrafficClass.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.TrafficClass";
            };

            return TrafficClass;
        })();

        switchmodel.Ecn = (function() {

            /**
             * Properties of an Ecn.
             * @typedef {Object} weft.switchmodel.Ecn.$Properties
             * @property {boolean|null} [enabled] Ecn enabled
             * @property {number|null} [kminBytes] Ecn kminBytes
             * @property {number|null} [kmaxBytes] Ecn kmaxBytes
             * @property {number|null} [pmax] Ecn pmax
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ecn.
             * @memberof weft.switchmodel
             * @interface IEcn
             * @augments weft.switchmodel.Ecn.$Properties
             * @deprecated Use weft.switchmodel.Ecn.$Properties instead.
             */

            /**
             * Shape of an Ecn.
             * @typedef {weft.switchmodel.Ecn.$Properties} weft.switchmodel.Ecn.$Shape
             */

            /**
             * Constructs a new Ecn.
             * @memberof weft.switchmodel
             * @classdesc Represents an Ecn.
             * @constructor
             * @param {weft.switchmodel.Ecn.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ecn = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ecn enabled.
             * @member {boolean} enabled
             * @memberof weft.switchmodel.Ecn
             * @instance
             */
            Ecn.prototype.enabled = false;

            /**
             * Ecn kminBytes.
             * @member {number} kminBytes
             * @memberof weft.switchmodel.Ecn
             * @instance
             */
            Ecn.prototype.kminBytes = 0;

            /**
             * Ecn kmaxBytes.
             * @member {number} kmaxBytes
             * @memberof weft.switchmodel.Ecn
             * @instance
             */
            Ecn.prototype.kmaxBytes = 0;

            /**
             * Ecn pmax.
             * @member {number} pmax
             * @memberof weft.switchmodel.Ecn
             * @instance
             */
            Ecn.prototype.pmax = 0;

            /**
             * Creates a new Ecn instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {weft.switchmodel.Ecn.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.Ecn} Ecn instance
             * @type {{
             *   (properties: weft.switchmodel.Ecn.$Shape): weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape;
             *   (properties?: weft.switchmodel.Ecn.$Properties): weft.switchmodel.Ecn;
             * }}
             */
            Ecn.create = function(properties) {
                return new Ecn(properties);
            };

            /**
             * Encodes the specified Ecn message. Does not implicitly {@link weft.switchmodel.Ecn.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {weft.switchmodel.Ecn.$Properties} message Ecn message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ecn.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.enabled);
                if (message.kminBytes != null && $Object.hasOwnProperty.call(message, "kminBytes") && message.kminBytes !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.kminBytes);
                if (message.kmaxBytes != null && $Object.hasOwnProperty.call(message, "kmaxBytes") && message.kmaxBytes !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.kmaxBytes);
                if (message.pmax != null && $Object.hasOwnProperty.call(message, "pmax") && !$Object.is(message.pmax, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.pmax);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Ecn message, length delimited. Does not implicitly {@link weft.switchmodel.Ecn.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {weft.switchmodel.Ecn.$Properties} message Ecn message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ecn.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Ecn message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape} Ecn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ecn.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.Ecn();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.kminBytes = value;
                            else
                                delete message.kminBytes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.kmaxBytes = value;
                            else
                                delete message.kmaxBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.pmax = value;
                            else
                                delete message.pmax;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Ecn message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Ecn & weft.switchmodel.Ecn.$Shape} Ecn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ecn.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Ecn message.
             * @function verify
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ecn.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    if (typeof message.enabled !== "boolean")
                        return "enabled: boolean expected";
                if (message.kminBytes != null && $Object.hasOwnProperty.call(message, "kminBytes"))
                    if (!$util.isInteger(message.kminBytes))
                        return "kminBytes: integer expected";
                if (message.kmaxBytes != null && $Object.hasOwnProperty.call(message, "kmaxBytes"))
                    if (!$util.isInteger(message.kmaxBytes))
                        return "kmaxBytes: integer expected";
                if (message.pmax != null && $Object.hasOwnProperty.call(message, "pmax"))
                    if (typeof message.pmax !== "number")
                        return "pmax: number expected";
                return null;
            };

            /**
             * Creates an Ecn message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.Ecn} Ecn
             */
            Ecn.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.Ecn)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.Ecn: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.Ecn();
                if (object.enabled != null)
                    if (object.enabled)
                        message.enabled = $Boolean(object.enabled);
                if (object.kminBytes != null)
                    if ($Number(object.kminBytes) !== 0)
                        message.kminBytes = object.kminBytes >>> 0;
                if (object.kmaxBytes != null)
                    if ($Number(object.kmaxBytes) !== 0)
                        message.kmaxBytes = object.kmaxBytes >>> 0;
                if (object.pmax != null)
                    if (!$Object.is($Number(object.pmax), 0))
                        message.pmax = $Number(object.pmax);
                return message;
            };

            /**
             * Creates a plain object from an Ecn message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {weft.switchmodel.Ecn} message Ecn
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ecn.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.enabled = false;
                    object.kminBytes = 0;
                    object.kmaxBytes = 0;
                    object.pmax = 0;
                }
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = message.enabled;
                if (message.kminBytes != null && $Object.hasOwnProperty.call(message, "kminBytes"))
                    object.kminBytes = message.kminBytes;
                if (message.kmaxBytes != null && $Object.hasOwnProperty.call(message, "kmaxBytes"))
                    object.kmaxBytes = message.kmaxBytes;
                if (message.pmax != null && $Object.hasOwnProperty.call(message, "pmax"))
                    object.pmax = options.json && !$isFinite(message.pmax) ? $String(message.pmax) : message.pmax;
                return object;
            };

            /**
             * Converts this Ecn to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.Ecn
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ecn.prototype.toJSON = function() {
                return Ecn.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ecn
             * @function getTypeUrl
             * @memberof weft.switchmodel.Ecn
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ecn.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.Ecn";
            };

            return Ecn;
        })();

        switchmodel.Pfc = (function() {

            /**
             * Properties of a Pfc.
             * @typedef {Object} weft.switchmodel.Pfc.$Properties
             * @property {boolean|null} [enabled] Pfc enabled
             * @property {number|null} [xoffBytes] Pfc xoffBytes
             * @property {number|null} [xonOffsetBytes] Pfc xonOffsetBytes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pfc.
             * @memberof weft.switchmodel
             * @interface IPfc
             * @augments weft.switchmodel.Pfc.$Properties
             * @deprecated Use weft.switchmodel.Pfc.$Properties instead.
             */

            /**
             * Shape of a Pfc.
             * @typedef {weft.switchmodel.Pfc.$Properties} weft.switchmodel.Pfc.$Shape
             */

            /**
             * Constructs a new Pfc.
             * @memberof weft.switchmodel
             * @classdesc Represents a Pfc.
             * @constructor
             * @param {weft.switchmodel.Pfc.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pfc = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Pfc enabled.
             * @member {boolean} enabled
             * @memberof weft.switchmodel.Pfc
             * @instance
             */
            Pfc.prototype.enabled = false;

            /**
             * Pfc xoffBytes.
             * @member {number} xoffBytes
             * @memberof weft.switchmodel.Pfc
             * @instance
             */
            Pfc.prototype.xoffBytes = 0;

            /**
             * Pfc xonOffsetBytes.
             * @member {number} xonOffsetBytes
             * @memberof weft.switchmodel.Pfc
             * @instance
             */
            Pfc.prototype.xonOffsetBytes = 0;

            /**
             * Creates a new Pfc instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {weft.switchmodel.Pfc.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.Pfc} Pfc instance
             * @type {{
             *   (properties: weft.switchmodel.Pfc.$Shape): weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape;
             *   (properties?: weft.switchmodel.Pfc.$Properties): weft.switchmodel.Pfc;
             * }}
             */
            Pfc.create = function(properties) {
                return new Pfc(properties);
            };

            /**
             * Encodes the specified Pfc message. Does not implicitly {@link weft.switchmodel.Pfc.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {weft.switchmodel.Pfc.$Properties} message Pfc message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pfc.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.enabled);
                if (message.xoffBytes != null && $Object.hasOwnProperty.call(message, "xoffBytes") && message.xoffBytes !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.xoffBytes);
                if (message.xonOffsetBytes != null && $Object.hasOwnProperty.call(message, "xonOffsetBytes") && message.xonOffsetBytes !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.xonOffsetBytes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Pfc message, length delimited. Does not implicitly {@link weft.switchmodel.Pfc.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {weft.switchmodel.Pfc.$Properties} message Pfc message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pfc.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Pfc message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape} Pfc
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pfc.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.Pfc();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.xoffBytes = value;
                            else
                                delete message.xoffBytes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.xonOffsetBytes = value;
                            else
                                delete message.xonOffsetBytes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Pfc message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Pfc & weft.switchmodel.Pfc.$Shape} Pfc
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pfc.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Pfc message.
             * @function verify
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Pfc.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    if (typeof message.enabled !== "boolean")
                        return "enabled: boolean expected";
                if (message.xoffBytes != null && $Object.hasOwnProperty.call(message, "xoffBytes"))
                    if (!$util.isInteger(message.xoffBytes))
                        return "xoffBytes: integer expected";
                if (message.xonOffsetBytes != null && $Object.hasOwnProperty.call(message, "xonOffsetBytes"))
                    if (!$util.isInteger(message.xonOffsetBytes))
                        return "xonOffsetBytes: integer expected";
                return null;
            };

            /**
             * Creates a Pfc message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.Pfc} Pfc
             */
            Pfc.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.Pfc)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.Pfc: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.Pfc();
                if (object.enabled != null)
                    if (object.enabled)
                        message.enabled = $Boolean(object.enabled);
                if (object.xoffBytes != null)
                    if ($Number(object.xoffBytes) !== 0)
                        message.xoffBytes = object.xoffBytes >>> 0;
                if (object.xonOffsetBytes != null)
                    if ($Number(object.xonOffsetBytes) !== 0)
                        message.xonOffsetBytes = object.xonOffsetBytes >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Pfc message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {weft.switchmodel.Pfc} message Pfc
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Pfc.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.enabled = false;
                    object.xoffBytes = 0;
                    object.xonOffsetBytes = 0;
                }
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = message.enabled;
                if (message.xoffBytes != null && $Object.hasOwnProperty.call(message, "xoffBytes"))
                    object.xoffBytes = message.xoffBytes;
                if (message.xonOffsetBytes != null && $Object.hasOwnProperty.call(message, "xonOffsetBytes"))
                    object.xonOffsetBytes = message.xonOffsetBytes;
                return object;
            };

            /**
             * Converts this Pfc to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.Pfc
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Pfc.prototype.toJSON = function() {
                return Pfc.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Pfc
             * @function getTypeUrl
             * @memberof weft.switchmodel.Pfc
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Pfc.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.Pfc";
            };

            return Pfc;
        })();

        /**
         * LoadBalancingMode enum.
         * @name weft.switchmodel.LoadBalancingMode
         * @enum {number}
         * @property {number} ECMP=0 ECMP value
         * @property {number} PACKET_SPRAY=1 PACKET_SPRAY value
         * @property {number} FLOWLET=2 FLOWLET value
         * @property {number} ADAPTIVE=3 ADAPTIVE value
         */
        switchmodel.LoadBalancingMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ECMP"] = 0;
            values[valuesById[1] = "PACKET_SPRAY"] = 1;
            values[valuesById[2] = "FLOWLET"] = 2;
            values[valuesById[3] = "ADAPTIVE"] = 3;
            return values;
        })();

        switchmodel.LoadBalancing = (function() {

            /**
             * Properties of a LoadBalancing.
             * @typedef {Object} weft.switchmodel.LoadBalancing.$Properties
             * @property {weft.switchmodel.LoadBalancingMode|null} [mode] LoadBalancing mode
             * @property {number|null} [hashSeed] LoadBalancing hashSeed
             * @property {number|null} [flowletGapNs] LoadBalancing flowletGapNs
             * @property {number|null} [adaptiveThresholdBytes] LoadBalancing adaptiveThresholdBytes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LoadBalancing.
             * @memberof weft.switchmodel
             * @interface ILoadBalancing
             * @augments weft.switchmodel.LoadBalancing.$Properties
             * @deprecated Use weft.switchmodel.LoadBalancing.$Properties instead.
             */

            /**
             * Shape of a LoadBalancing.
             * @typedef {weft.switchmodel.LoadBalancing.$Properties} weft.switchmodel.LoadBalancing.$Shape
             */

            /**
             * Constructs a new LoadBalancing.
             * @memberof weft.switchmodel
             * @classdesc Represents a LoadBalancing.
             * @constructor
             * @param {weft.switchmodel.LoadBalancing.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LoadBalancing = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LoadBalancing mode.
             * @member {weft.switchmodel.LoadBalancingMode} mode
             * @memberof weft.switchmodel.LoadBalancing
             * @instance
             */
            LoadBalancing.prototype.mode = 0;

            /**
             * LoadBalancing hashSeed.
             * @member {number} hashSeed
             * @memberof weft.switchmodel.LoadBalancing
             * @instance
             */
            LoadBalancing.prototype.hashSeed = 0;

            /**
             * LoadBalancing flowletGapNs.
             * @member {number} flowletGapNs
             * @memberof weft.switchmodel.LoadBalancing
             * @instance
             */
            LoadBalancing.prototype.flowletGapNs = 0;

            /**
             * LoadBalancing adaptiveThresholdBytes.
             * @member {number} adaptiveThresholdBytes
             * @memberof weft.switchmodel.LoadBalancing
             * @instance
             */
            LoadBalancing.prototype.adaptiveThresholdBytes = 0;

            /**
             * Creates a new LoadBalancing instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {weft.switchmodel.LoadBalancing.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.LoadBalancing} LoadBalancing instance
             * @type {{
             *   (properties: weft.switchmodel.LoadBalancing.$Shape): weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape;
             *   (properties?: weft.switchmodel.LoadBalancing.$Properties): weft.switchmodel.LoadBalancing;
             * }}
             */
            LoadBalancing.create = function(properties) {
                return new LoadBalancing(properties);
            };

            /**
             * Encodes the specified LoadBalancing message. Does not implicitly {@link weft.switchmodel.LoadBalancing.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {weft.switchmodel.LoadBalancing.$Properties} message LoadBalancing message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoadBalancing.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.mode);
                if (message.hashSeed != null && $Object.hasOwnProperty.call(message, "hashSeed") && message.hashSeed !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.hashSeed);
                if (message.flowletGapNs != null && $Object.hasOwnProperty.call(message, "flowletGapNs") && !$Object.is(message.flowletGapNs, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.flowletGapNs);
                if (message.adaptiveThresholdBytes != null && $Object.hasOwnProperty.call(message, "adaptiveThresholdBytes") && message.adaptiveThresholdBytes !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.adaptiveThresholdBytes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LoadBalancing message, length delimited. Does not implicitly {@link weft.switchmodel.LoadBalancing.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {weft.switchmodel.LoadBalancing.$Properties} message LoadBalancing message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LoadBalancing.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LoadBalancing message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape} LoadBalancing
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoadBalancing.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.LoadBalancing();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.hashSeed = value;
                            else
                                delete message.hashSeed;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.flowletGapNs = value;
                            else
                                delete message.flowletGapNs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.adaptiveThresholdBytes = value;
                            else
                                delete message.adaptiveThresholdBytes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LoadBalancing message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.LoadBalancing & weft.switchmodel.LoadBalancing.$Shape} LoadBalancing
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LoadBalancing.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LoadBalancing message.
             * @function verify
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LoadBalancing.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (typeof message.mode !== "number" || (message.mode | 0) !== message.mode)
                        return "mode: enum value expected";
                if (message.hashSeed != null && $Object.hasOwnProperty.call(message, "hashSeed"))
                    if (!$util.isInteger(message.hashSeed))
                        return "hashSeed: integer expected";
                if (message.flowletGapNs != null && $Object.hasOwnProperty.call(message, "flowletGapNs"))
                    if (typeof message.flowletGapNs !== "number")
                        return "flowletGapNs: number expected";
                if (message.adaptiveThresholdBytes != null && $Object.hasOwnProperty.call(message, "adaptiveThresholdBytes"))
                    if (!$util.isInteger(message.adaptiveThresholdBytes))
                        return "adaptiveThresholdBytes: integer expected";
                return null;
            };

            /**
             * Creates a LoadBalancing message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.LoadBalancing} LoadBalancing
             */
            LoadBalancing.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.LoadBalancing)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.LoadBalancing: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.LoadBalancing();
                if (object.mode !== 0 && (typeof object.mode !== "string" || $root.weft.switchmodel.LoadBalancingMode[object.mode] !== 0))
                    switch (object.mode) {
                    case "ECMP":
                    case 0:
                        message.mode = 0;
                        break;
                    case "PACKET_SPRAY":
                    case 1:
                        message.mode = 1;
                        break;
                    case "FLOWLET":
                    case 2:
                        message.mode = 2;
                        break;
                    case "ADAPTIVE":
                    case 3:
                        message.mode = 3;
                        break;
                    default:
                        if (typeof object.mode === "number" && (object.mode | 0) === object.mode)
                            message.mode = object.mode;
                    }
                if (object.hashSeed != null)
                    if ($Number(object.hashSeed) !== 0)
                        message.hashSeed = object.hashSeed >>> 0;
                if (object.flowletGapNs != null)
                    if (!$Object.is($Number(object.flowletGapNs), 0))
                        message.flowletGapNs = $Number(object.flowletGapNs);
                if (object.adaptiveThresholdBytes != null)
                    if ($Number(object.adaptiveThresholdBytes) !== 0)
                        message.adaptiveThresholdBytes = object.adaptiveThresholdBytes >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a LoadBalancing message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {weft.switchmodel.LoadBalancing} message LoadBalancing
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LoadBalancing.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.mode = options.enums === $String ? "ECMP" : 0;
                    object.hashSeed = 0;
                    object.flowletGapNs = 0;
                    object.adaptiveThresholdBytes = 0;
                }
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === $String ? $root.weft.switchmodel.LoadBalancingMode[message.mode] === $undefined ? message.mode : $root.weft.switchmodel.LoadBalancingMode[message.mode] : message.mode;
                if (message.hashSeed != null && $Object.hasOwnProperty.call(message, "hashSeed"))
                    object.hashSeed = message.hashSeed;
                if (message.flowletGapNs != null && $Object.hasOwnProperty.call(message, "flowletGapNs"))
                    object.flowletGapNs = options.json && !$isFinite(message.flowletGapNs) ? $String(message.flowletGapNs) : message.flowletGapNs;
                if (message.adaptiveThresholdBytes != null && $Object.hasOwnProperty.call(message, "adaptiveThresholdBytes"))
                    object.adaptiveThresholdBytes = message.adaptiveThresholdBytes;
                return object;
            };

            /**
             * Converts this LoadBalancing to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.LoadBalancing
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LoadBalancing.prototype.toJSON = function() {
                return LoadBalancing.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LoadBalancing
             * @function getTypeUrl
             * @memberof weft.switchmodel.LoadBalancing
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LoadBalancing.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.LoadBalancing";
            };

            return LoadBalancing;
        })();

        switchmodel.InbandTelemetry = (function() {

            /**
             * Properties of an InbandTelemetry.
             * @typedef {Object} weft.switchmodel.InbandTelemetry.$Properties
             * @property {boolean|null} [enabled] InbandTelemetry enabled
             * @property {number|null} [bytesPerHop] InbandTelemetry bytesPerHop
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InbandTelemetry.
             * @memberof weft.switchmodel
             * @interface IInbandTelemetry
             * @augments weft.switchmodel.InbandTelemetry.$Properties
             * @deprecated Use weft.switchmodel.InbandTelemetry.$Properties instead.
             */

            /**
             * Shape of an InbandTelemetry.
             * @typedef {weft.switchmodel.InbandTelemetry.$Properties} weft.switchmodel.InbandTelemetry.$Shape
             */

            /**
             * Constructs a new InbandTelemetry.
             * @memberof weft.switchmodel
             * @classdesc Represents an InbandTelemetry.
             * @constructor
             * @param {weft.switchmodel.InbandTelemetry.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InbandTelemetry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InbandTelemetry enabled.
             * @member {boolean} enabled
             * @memberof weft.switchmodel.InbandTelemetry
             * @instance
             */
            InbandTelemetry.prototype.enabled = false;

            /**
             * InbandTelemetry bytesPerHop.
             * @member {number} bytesPerHop
             * @memberof weft.switchmodel.InbandTelemetry
             * @instance
             */
            InbandTelemetry.prototype.bytesPerHop = 0;

            /**
             * Creates a new InbandTelemetry instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {weft.switchmodel.InbandTelemetry.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.InbandTelemetry} InbandTelemetry instance
             * @type {{
             *   (properties: weft.switchmodel.InbandTelemetry.$Shape): weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape;
             *   (properties?: weft.switchmodel.InbandTelemetry.$Properties): weft.switchmodel.InbandTelemetry;
             * }}
             */
            InbandTelemetry.create = function(properties) {
                return new InbandTelemetry(properties);
            };

            /**
             * Encodes the specified InbandTelemetry message. Does not implicitly {@link weft.switchmodel.InbandTelemetry.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {weft.switchmodel.InbandTelemetry.$Properties} message InbandTelemetry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InbandTelemetry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.enabled);
                if (message.bytesPerHop != null && $Object.hasOwnProperty.call(message, "bytesPerHop") && message.bytesPerHop !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.bytesPerHop);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified InbandTelemetry message, length delimited. Does not implicitly {@link weft.switchmodel.InbandTelemetry.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {weft.switchmodel.InbandTelemetry.$Properties} message InbandTelemetry message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InbandTelemetry.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InbandTelemetry message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape} InbandTelemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InbandTelemetry.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.InbandTelemetry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.bytesPerHop = value;
                            else
                                delete message.bytesPerHop;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an InbandTelemetry message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.InbandTelemetry & weft.switchmodel.InbandTelemetry.$Shape} InbandTelemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InbandTelemetry.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InbandTelemetry message.
             * @function verify
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InbandTelemetry.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    if (typeof message.enabled !== "boolean")
                        return "enabled: boolean expected";
                if (message.bytesPerHop != null && $Object.hasOwnProperty.call(message, "bytesPerHop"))
                    if (!$util.isInteger(message.bytesPerHop))
                        return "bytesPerHop: integer expected";
                return null;
            };

            /**
             * Creates an InbandTelemetry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.InbandTelemetry} InbandTelemetry
             */
            InbandTelemetry.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.InbandTelemetry)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.InbandTelemetry: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.InbandTelemetry();
                if (object.enabled != null)
                    if (object.enabled)
                        message.enabled = $Boolean(object.enabled);
                if (object.bytesPerHop != null)
                    if ($Number(object.bytesPerHop) !== 0)
                        message.bytesPerHop = object.bytesPerHop >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an InbandTelemetry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {weft.switchmodel.InbandTelemetry} message InbandTelemetry
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InbandTelemetry.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.enabled = false;
                    object.bytesPerHop = 0;
                }
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = message.enabled;
                if (message.bytesPerHop != null && $Object.hasOwnProperty.call(message, "bytesPerHop"))
                    object.bytesPerHop = message.bytesPerHop;
                return object;
            };

            /**
             * Converts this InbandTelemetry to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.InbandTelemetry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InbandTelemetry.prototype.toJSON = function() {
                return InbandTelemetry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InbandTelemetry
             * @function getTypeUrl
             * @memberof weft.switchmodel.InbandTelemetry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InbandTelemetry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.InbandTelemetry";
            };

            return InbandTelemetry;
        })();

        switchmodel.Source = (function() {

            /**
             * Properties of a Source.
             * @typedef {Object} weft.switchmodel.Source.$Properties
             * @property {string|null} [field] Source field
             * @property {string|null} [reference] Source reference
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Source.
             * @memberof weft.switchmodel
             * @interface ISource
             * @augments weft.switchmodel.Source.$Properties
             * @deprecated Use weft.switchmodel.Source.$Properties instead.
             */

            /**
             * Shape of a Source.
             * @typedef {weft.switchmodel.Source.$Properties} weft.switchmodel.Source.$Shape
             */

            /**
             * Constructs a new Source.
             * @memberof weft.switchmodel
             * @classdesc Represents a Source.
             * @constructor
             * @param {weft.switchmodel.Source.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Source = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Source field.
             * @member {string} field
             * @memberof weft.switchmodel.Source
             * @instance
             */
            Source.prototype.field = "";

            /**
             * Source reference.
             * @member {string} reference
             * @memberof weft.switchmodel.Source
             * @instance
             */
            Source.prototype.reference = "";

            /**
             * Creates a new Source instance using the specified properties.
             * @function create
             * @memberof weft.switchmodel.Source
             * @static
             * @param {weft.switchmodel.Source.$Properties=} [properties] Properties to set
             * @returns {weft.switchmodel.Source} Source instance
             * @type {{
             *   (properties: weft.switchmodel.Source.$Shape): weft.switchmodel.Source & weft.switchmodel.Source.$Shape;
             *   (properties?: weft.switchmodel.Source.$Properties): weft.switchmodel.Source;
             * }}
             */
            Source.create = function(properties) {
                return new Source(properties);
            };

            /**
             * Encodes the specified Source message. Does not implicitly {@link weft.switchmodel.Source.verify|verify} messages.
             * @function encode
             * @memberof weft.switchmodel.Source
             * @static
             * @param {weft.switchmodel.Source.$Properties} message Source message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Source.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.field != null && $Object.hasOwnProperty.call(message, "field") && message.field !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.field);
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference") && message.reference !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reference);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Source message, length delimited. Does not implicitly {@link weft.switchmodel.Source.verify|verify} messages.
             * @function encodeDelimited
             * @memberof weft.switchmodel.Source
             * @static
             * @param {weft.switchmodel.Source.$Properties} message Source message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Source.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Source message from the specified reader or buffer.
             * @function decode
             * @memberof weft.switchmodel.Source
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {weft.switchmodel.Source & weft.switchmodel.Source.$Shape} Source
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Source.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.weft.switchmodel.Source();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.field = value;
                            else
                                delete message.field;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reference = value;
                            else
                                delete message.reference;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Source message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof weft.switchmodel.Source
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {weft.switchmodel.Source & weft.switchmodel.Source.$Shape} Source
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Source.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Source message.
             * @function verify
             * @memberof weft.switchmodel.Source
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Source.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.field != null && $Object.hasOwnProperty.call(message, "field"))
                    if (!$util.isString(message.field))
                        return "field: string expected";
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference"))
                    if (!$util.isString(message.reference))
                        return "reference: string expected";
                return null;
            };

            /**
             * Creates a Source message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof weft.switchmodel.Source
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {weft.switchmodel.Source} Source
             */
            Source.fromObject = function (object, _depth) {
                if (object instanceof $root.weft.switchmodel.Source)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".weft.switchmodel.Source: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.weft.switchmodel.Source();
                if (object.field != null)
                    if (typeof object.field !== "string" || object.field.length)
                        message.field = $String(object.field);
                if (object.reference != null)
                    if (typeof object.reference !== "string" || object.reference.length)
                        message.reference = $String(object.reference);
                return message;
            };

            /**
             * Creates a plain object from a Source message. Also converts values to other types if specified.
             * @function toObject
             * @memberof weft.switchmodel.Source
             * @static
             * @param {weft.switchmodel.Source} message Source
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Source.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.field = "";
                    object.reference = "";
                }
                if (message.field != null && $Object.hasOwnProperty.call(message, "field"))
                    object.field = message.field;
                if (message.reference != null && $Object.hasOwnProperty.call(message, "reference"))
                    object.reference = message.reference;
                return object;
            };

            /**
             * Converts this Source to JSON.
             * @function toJSON
             * @memberof weft.switchmodel.Source
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Source.prototype.toJSON = function() {
                return Source.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Source
             * @function getTypeUrl
             * @memberof weft.switchmodel.Source
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Source.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/weft.switchmodel.Source";
            };

            return Source;
        })();

        return switchmodel;
    })();

    return weft;
})();

export {
  $root as default
};
